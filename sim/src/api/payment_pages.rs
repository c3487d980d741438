//! The embedded Checkout page's own calls, as Stripe's page makes them to
//! `/v1/payment_pages/{session}/...`: with a publishable key and the session's client secret it
//! loads what the shopper is shown (`init`) and pays (`confirm`). Paying makes the session's
//! PaymentIntent at the first attempt (a retry after a decline reuses it) and confirms it with
//! the card through the same code as `POST /v1/payment_intents/{id}/confirm`, so test cards
//! behave as everywhere; the session completes once that PaymentIntent succeeds, now or after
//! 3-D Secure (`checkout_sessions::settle`).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{Map, Value};

use super::confirm::{self, ConfirmWith};
use crate::error::ApiError;
use crate::objects::{CheckoutSession, PaymentIntent, SessionStatus, Status, Within};
use crate::params::{Params, StripeRequest};
use crate::store::Store;
use crate::{Sim, ids};

/// `POST /v1/payment_pages/{id}/init`: the session as the page shows it.
pub async fn init(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.params.allow_only(&["client_secret"])?;
    sim.apply(|store| {
        let session = session_for_secret(store, req.scope(), &id, req.params.str("client_secret")?)?;
        Ok(Json(page_json(store, session)))
    })
}

/// `POST /v1/payment_pages/{id}/confirm`: pays the session with `payment_method` (a card
/// PaymentMethod the page created with the publishable key) for the shopper at `email`.
/// `expected_amount` is the total the shopper was shown: a session whose total is another
/// is not charged. Answers the page's view of the session with the PaymentIntent's public
/// fields (`requires_action` for 3-D Secure), or the decline (a 402 carrying them).
pub async fn confirm(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    let p = &req.params;
    p.allow_only(&["client_secret", "payment_method", "email", "expected_amount"])?;
    let email = p.required_str("email")?.trim().to_owned();
    if !plausible_email(&email) {
        return Err(ApiError::param_invalid("email", format!("Invalid email address: {email}")));
    }
    let payment_method = p.required_str("payment_method")?.to_owned();
    let expected_amount = p.int("expected_amount")?;
    let now = sim.clock.now();
    sim.apply(|store| {
        let session = session_for_secret(store, req.scope(), &id, p.str("client_secret")?)?.clone();
        match session.status {
            SessionStatus::Open => {}
            SessionStatus::Complete => {
                return Err(ApiError::invalid_request("This Checkout Session has already been paid."));
            }
            SessionStatus::Expired => {
                return Err(ApiError::invalid_request(
                    "This Checkout Session has expired. Start a new checkout to pay.",
                ));
            }
        }
        if expected_amount.is_some_and(|amount| amount != session.amount_total()) {
            return Err(ApiError::param_invalid(
                "expected_amount",
                "The total of this Checkout Session is not the one the customer was shown. Reload the page.",
            ));
        }
        check_payment_method(store, &session, &payment_method)?;
        let (intent_id, created) = attempt(store, &session, &email, now);
        if let Some(stored) = store.checkout_session_mut(&id) {
            stored.attempt = Some(intent_id.clone());
            stored.paid_email = Some(email);
        }
        // The card, as a confirm call names it.
        let card = Params(Map::from_iter([("payment_method".to_owned(), Value::String(payment_method))]));
        let confirmed = ConfirmWith::from_params(&card, now)
            .and_then(|with| confirm::run::<PaymentIntent>(store, now, sim.public_url(), &intent_id, with));
        match confirmed {
            Ok(_) => {
                // Paid now (not after 3-D Secure): the page sees the session complete at once.
                super::checkout_sessions::settle(store, now);
                let session = store.checkout_session(&id).expect("found above");
                let mut json = page_json(store, session);
                json["payment_intent"] = store.payment_intent(&intent_id).map(|pi| pi.to_publishable_json()).into();
                Ok(Json(json))
            }
            Err(err) if err.status == StatusCode::PAYMENT_REQUIRED => {
                Err(super::intents::publishable_error::<PaymentIntent>(store, &intent_id, err))
            }
            // A refused request leaves nothing behind, as at Stripe.
            Err(err) => {
                if created {
                    store.payment_intents.retain(|pi| pi.id != intent_id);
                    if let Some(stored) = store.checkout_session_mut(&id) {
                        stored.attempt = session.attempt;
                    }
                }
                Err(err)
            }
        }
    })
}

/// The session `id` of account `scope` for the page, which presents the client secret (given by
/// Stripe.js, or in a hosted session's `url`).
fn session_for_secret<'a>(
    store: &'a Store,
    scope: Option<&str>,
    id: &str,
    secret: Option<&str>,
) -> Result<&'a CheckoutSession, ApiError> {
    let session =
        store.checkout_session(id).within(scope).ok_or_else(|| ApiError::no_such("checkout.session", id, "session"))?;
    match secret {
        None => Err(ApiError::param_missing("client_secret")),
        Some(given) if given == session.client_secret => Ok(session),
        Some(_) => Err(ApiError::param_invalid(
            "client_secret",
            "The client_secret provided does not match the client_secret associated with the Checkout Session.",
        )),
    }
}

/// The page's view, with the email to prefill: the session's `customer_email`, else its
/// customer's.
fn page_json(store: &Store, session: &CheckoutSession) -> Value {
    let customer_email = session
        .customer
        .as_deref()
        .and_then(|customer| store.customers.get(customer))
        .and_then(|customer| customer.email.as_deref());
    session.to_page_json(session.customer_email.as_deref().or(customer_email))
}

/// A PaymentMethod the page may pay with: one it just created (no customer), a saved one of the
/// session's customer, or a test PaymentMethod id; on the session's account.
fn check_payment_method(store: &Store, session: &CheckoutSession, id: &str) -> Result<(), ApiError> {
    let usable = match store.payment_methods.get(id).within(session.account.as_deref()) {
        Some(pm) => pm.customer.is_none() || pm.customer == session.customer,
        None => crate::cards::test_payment_method_number(id).is_some(),
    };
    match usable {
        true => Ok(()),
        false => Err(ApiError::no_such("PaymentMethod", id, "payment_method")),
    }
}

/// The PaymentIntent of this attempt and whether it is new: the session's from an earlier
/// attempt while it can still be paid, else a new one for the session's total, with the
/// merchant's `payment_intent_data`, customer and the shopper's email for the receipt. Cards
/// only, without a return_url: 3-D Secure happens in the page.
fn attempt(store: &mut Store, session: &CheckoutSession, email: &str, now: i64) -> (String, bool) {
    let retry = session.attempt.as_deref().and_then(|id| store.payment_intent_mut(id)).filter(|pi| {
        matches!(pi.status, Status::RequiresPaymentMethod | Status::RequiresConfirmation | Status::RequiresAction)
    });
    if let Some(intent) = retry {
        intent.receipt_email = Some(email.to_owned());
        return (intent.id.clone(), false);
    }
    let id = ids::new_id("pi");
    store.payment_intents.push(PaymentIntent {
        client_secret: ids::client_secret(&id),
        id: id.clone(),
        account: session.account.clone(),
        created: now,
        amount: session.amount_total(),
        currency: session.currency.clone(),
        status: Status::RequiresPaymentMethod,
        automatic_payment_methods: None,
        payment_method_types: session.payment_method_types(),
        payment_method: None,
        latest_charge: None,
        last_payment_error: None,
        next_action: None,
        metadata: session.payment_intent_metadata.clone(),
        description: session.payment_intent_description.clone(),
        receipt_email: Some(email.to_owned()),
        customer: session.customer.clone(),
        capture_method: "automatic_async".into(),
        setup_future_usage: None,
        shipping: None,
        return_url: None,
        canceled_at: None,
        cancellation_reason: None,
        konbini: None,
        pending: None,
        voucher: None,
        application_fee_amount: None,
        on_behalf_of: None,
        transfer_data: None,
    });
    (id, true)
}

/// Something@somewhere.tld, without spaces: what Checkout's email field accepts (and an
/// account's `email`).
pub(super) fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
        && !email.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    #[test]
    fn emails_checkout_accepts() {
        for ok in ["jenny@example.com", "jenny.rosen+shop@mail.example.co.jp"] {
            assert!(super::plausible_email(ok), "{ok}");
        }
        for bad in ["", "jenny", "jenny@", "@example.com", "jenny@example", "jenny@@example.com", "jen ny@example.com"]
        {
            assert!(!super::plausible_email(bad), "{bad}");
        }
    }
}
