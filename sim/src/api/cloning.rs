//! Cloning (sharing) a platform's PaymentMethod onto a connected account, to charge the
//! platform's customer there: `POST /v1/payment_methods` with `payment_method` (the platform's)
//! and `customer` (the platform customer it is attached to), the platform's secret key and the
//! connected account's `Stripe-Account` header. The clone is a new PaymentMethod on the
//! connected account with the same card and billing details and no customer, until it is
//! attached to a customer there (docs.stripe.com/connect/direct-charges-multiple-accounts;
//! the seed's "legacy" cloning page describes the same call). Payments with the clone do not
//! show on the platform's customer.

use axum::Json;
use serde_json::Value;

use crate::Sim;
use crate::error::ApiError;
use crate::objects::Within;
use crate::params::StripeRequest;

pub const PARAMS: &[&str] = &["payment_method", "customer", "type", "metadata", "expand"];

/// Stripe's refusal of a PaymentMethod that has been used once without a customer
/// (stripe/stripe-node#884; liberapay/liberapay.com#2686).
const SPENT: &str = "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, \
     shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used \
     again. To use a PaymentMethod multiple times, you must attach it to a Customer first.";

pub fn clone(sim: &Sim, req: &StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(PARAMS)?;
    let Some(account) = req.scope() else {
        return Err(ApiError::param_invalid(
            "payment_method",
            "A PaymentMethod is cloned onto a connected account: send this request with the Stripe-Account header of \
             the account to clone it to, with your platform's secret key.",
        ));
    };
    let source = p.required_str("payment_method")?;
    let customer = p.str("customer")?;
    if p.str("type")?.is_some_and(|t| t != "card") {
        return Err(ApiError::param_invalid("type", "The stand-in clones card PaymentMethods only."));
    }
    let metadata = p.metadata()?;
    let now = sim.clock.now();
    sim.apply(|store| {
        // The original is the platform's, whatever account the request is made on.
        let original = store
            .payment_methods
            .get(source)
            .within(None)
            .ok_or_else(|| ApiError::no_such("PaymentMethod", source, "payment_method"))?;
        match (customer, original.customer.as_deref()) {
            (Some(customer), owner) => {
                store.customers.get(customer).within(None).ok_or_else(|| ApiError::no_such("customer", customer, "customer"))?;
                if owner != Some(customer) {
                    // Stripe's words for a customer and a PaymentMethod that is not attached to it.
                    return Err(ApiError::param_invalid(
                        "payment_method",
                        format!(
                            "The customer does not have a payment method with the ID {source}. The payment method must be \
                             attached to the customer."
                        ),
                    ));
                }
            }
            (None, Some(owner)) => {
                return Err(ApiError::param_invalid(
                    "customer",
                    format!(
                        "The PaymentMethod {source} is attached to the Customer {owner}: pass that customer as `customer` \
                         to clone it."
                    ),
                ));
            }
            // Unattached: it may be shared once, and is spent by it.
            (None, None) if original.spent => return Err(ApiError::param_invalid("payment_method", SPENT)),
            (None, None) => {}
        }
        let card = original
            .card
            .clone()
            .ok_or_else(|| ApiError::param_invalid("payment_method", "The stand-in clones card PaymentMethods only."))?;
        let (billing_details, unattached) = (original.billing_details.clone(), original.customer.is_none());
        if unattached && let Some(original) = store.payment_methods.get_mut(source) {
            original.spent = true;
        }
        let id = store.new_payment_method(now, Some(account), Some(card), billing_details);
        let clone = store.payment_methods.get_mut(&id).expect("just created");
        clone.metadata = metadata;
        Ok(Json(clone.to_json()))
    })
}

/// A PaymentMethod that was shared without a customer cannot be used again.
pub fn check_not_spent(pm: &crate::objects::PaymentMethod) -> Result<(), ApiError> {
    match pm.spent {
        true => Err(ApiError::param_invalid("payment_method", SPENT)),
        false => Ok(()),
    }
}
