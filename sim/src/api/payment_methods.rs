//! PaymentMethods: create (Stripe.js's `createPaymentMethod` with a publishable key, or a
//! server with a secret key; or a clone of the platform's onto a connected account,
//! `cloning.rs`), retrieve, update, attach to a customer, detach; each on the account the
//! request is made on.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;

use crate::error::ApiError;
use crate::objects::{Card, PaymentMethod, Within, billing_details_from};
use crate::params::StripeRequest;
use crate::{Sim, cards};

/// `POST /v1/payment_methods`: a card PaymentMethod from the card details Stripe.js's Payment
/// Element sends (`type=card`, `card[number]`, `card[exp_month]`, `card[exp_year]`, `card[cvc]`,
/// `billing_details[...]`), with a publishable key as Stripe.js calls it, or a secret key. The
/// card is checked as a ConfirmationToken's is; a test card that declines is created and
/// declines when a payment is confirmed with it, as at Stripe.
pub async fn create(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    let p = &req.params;
    if p.get("payment_method").is_some() {
        return super::cloning::clone(&sim, &req);
    }
    p.allow_only(&["type", "card", "billing_details", "allow_redisplay", "metadata", "expand"])?;
    match p.required_str("type")? {
        "card" => {}
        other => {
            return Err(ApiError::param_invalid(
                "type",
                format!("The stand-in does not support payment method type `{other}` here."),
            ));
        }
    }
    let now = sim.clock.now();
    let card = super::confirmation_tokens::new_card(p.hash("card")?, "card", now)?;
    let billing_details = billing_details_from(p.hash("billing_details")?)?;
    let allow_redisplay = super::confirmation_tokens::allow_redisplay(p.str("allow_redisplay")?, "allow_redisplay")?;
    let metadata = p.metadata()?;
    sim.apply(|store| {
        let id = store.new_payment_method(now, req.scope(), Some(card), billing_details);
        let pm = store.payment_methods.get_mut(&id).expect("just created");
        pm.allow_redisplay = allow_redisplay;
        pm.metadata = metadata;
        Ok(Json(pm.to_json()))
    })
}

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    super::retrieve_with_secret(&sim, &req, &id, ("PaymentMethod", "payment_method"), |store| {
        store.payment_methods.get(&id).within(req.scope()).map(PaymentMethod::to_json)
    })
}

/// `POST /v1/payment_methods/{id}`: `allow_redisplay`, `billing_details`, `metadata`.
pub async fn update(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["allow_redisplay", "billing_details", "metadata", "expand"])?;
    let allow_redisplay = match p.str("allow_redisplay")? {
        None => None,
        Some(v @ ("always" | "limited" | "unspecified")) => Some(v.to_owned()),
        Some(other) => {
            return Err(ApiError::param_invalid("allow_redisplay", format!("Invalid allow_redisplay: {other}")));
        }
    };
    let billing_details = p.hash("billing_details")?.map(|b| billing_details_from(Some(b))).transpose()?;
    let metadata = p.metadata()?;
    sim.apply(|store| {
        let pm = store
            .payment_methods
            .get_mut(&id)
            .within(req.scope())
            .ok_or_else(|| ApiError::no_such("PaymentMethod", &id, "payment_method"))?;
        if let Some(value) = allow_redisplay {
            pm.allow_redisplay = value;
        }
        if let Some(details) = billing_details {
            pm.billing_details = details;
        }
        pm.metadata.extend(metadata);
        Ok(Json(pm.to_json()))
    })
}

/// `POST /v1/payment_methods/{id}/attach`. A test PaymentMethod id (`pm_card_visa`) makes a new
/// PaymentMethod, as Stripe does.
pub async fn attach(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    req.params.allow_only(&["customer", "expand"])?;
    let customer = req.params.required_str("customer")?.to_owned();
    let now = sim.clock.now();
    let scope = req.scope();
    sim.apply(|store| {
        if store.customers.get(&customer).within(scope).is_none() {
            return Err(ApiError::no_such("customer", &customer, "customer"));
        }
        let existing = store.payment_methods.get(&id).within(scope);
        if let Some(pm) = existing {
            super::cloning::check_not_spent(pm)?;
        }
        let id = match (existing.is_some(), cards::test_payment_method_number(&id)) {
            (true, _) => id,
            (false, Some(number)) => {
                let card = Card { number: number.into(), exp_month: 12, exp_year: 2034 };
                store.new_payment_method(now, scope, Some(card), billing_details_from(None)?)
            }
            (false, None) => return Err(ApiError::no_such("PaymentMethod", &id, "payment_method")),
        };
        let pm = store.payment_methods.get_mut(&id).expect("present");
        if pm.customer.as_ref().is_some_and(|c| *c != customer) {
            return Err(ApiError::invalid_request(format!(
                "The payment method you provided has already been attached to a customer: {}.",
                pm.customer.as_deref().unwrap_or_default()
            )));
        }
        pm.customer = Some(customer);
        Ok(Json(pm.to_json()))
    })
}

pub async fn detach(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    sim.apply(|store| {
        let pm = store
            .payment_methods
            .get_mut(&id)
            .within(req.scope())
            .ok_or_else(|| ApiError::no_such("PaymentMethod", &id, "payment_method"))?;
        if pm.customer.take().is_none() {
            return Err(ApiError::invalid_request(
                "The payment method you provided is not attached to a customer so detachment is impossible.",
            ));
        }
        Ok(Json(pm.to_json()))
    })
}
