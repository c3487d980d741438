//! 3-D Secure, as Stripe's test authentication page drives it: the shopper completes or fails
//! the challenge; the intent then succeeds (a PaymentIntent is paid, a SetupIntent saves the
//! card), or goes back to `requires_payment_method` with `payment_intent_authentication_failure`
//! (`setup_intent_authentication_failure`). Called by the stand-in's challenge page (a
//! Stripe-hosted page, reached in a modal or by redirect, so without an API key) with the
//! intent's client secret, and for a connected account's intent that account (`merchant`, as
//! Stripe's hosted 3-D Secure URLs name it).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::Value;
use stripe_common::{ErrorType, StripeError};

use super::confirm::{self, Confirmable};
use crate::error::ApiError;
use crate::objects::{NextAction, PaymentError, PaymentIntent, SetupIntent, Status};
use crate::params::Params;
use crate::store::Store;
use crate::{Sim, form};

pub const AUTHENTICATION_FAILED: &str =
    "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

/// A buy-now-pay-later payment the shopper did not authorise on the provider's page.
pub const NOT_AUTHORIZED: &str = "The customer did not approve the payment on the payment method's page. Please choose a different payment method and try again.";

pub async fn complete(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    authenticate(&sim, &id, &body, Ok(()))
}

pub async fn fail(State(sim): State<Arc<Sim>>, Path(id): Path<String>, body: Bytes) -> Result<Json<Value>, ApiError> {
    authenticate(&sim, &id, &body, Err(Failure::Authentication))
}

/// Why the shopper's step failed: 3-D Secure not completed, or a buy-now-pay-later payment not
/// authorised on the provider's page.
#[derive(Debug, Clone, Copy)]
pub enum Failure {
    Authentication,
    /// Stripe's error for a redirect-based payment the shopper (or the provider) declined.
    NotAuthorized,
}

/// The provider's test page (`/bnpl/{id}`): the shopper authorises the payment, or fails it.
pub async fn authorize(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    authenticate(&sim, &id, &body, Ok(()))
}

pub async fn decline(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    authenticate(&sim, &id, &body, Err(Failure::NotAuthorized))
}

/// The page serves both kinds of intent; their ids' prefix tells which, as it does at Stripe.
fn authenticate(sim: &Sim, id: &str, body: &[u8], completed: Result<(), Failure>) -> Result<Json<Value>, ApiError> {
    let params = Params(form::decode(body).map_err(ApiError::invalid_request)?);
    let secret = params.required_str("client_secret")?;
    let merchant = params.str("merchant")?.filter(|m| !m.is_empty());
    let now = sim.clock.now();
    sim.apply(|store| match id.starts_with("seti_") {
        true => conclude::<SetupIntent>(store, now, (merchant, id), secret, completed),
        false => conclude::<PaymentIntent>(store, now, (merchant, id), secret, completed),
    })
    .map(Json)
}

/// The end of the challenge for intent `id` of account `scope`: what Stripe.js then sees of the
/// intent.
fn conclude<T: Confirmable>(
    store: &mut Store,
    now: i64,
    (scope, id): (Option<&str>, &str),
    secret: &str,
    completed: Result<(), Failure>,
) -> Result<Value, ApiError> {
    let mut intent = store.intent_for_secret::<T>(scope, id, Some(secret))?.clone();
    if intent.status() != Status::RequiresAction || !intent.next_action().is_some_and(NextAction::authenticates) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(
                ErrorType::InvalidRequestError,
                format!("This {} does not require authentication.", T::NAME),
            )
            .with_code(format!("{}_unexpected_state", T::OBJECT)),
        ));
    }
    match completed {
        Ok(()) => intent.succeed(store, now),
        Err(failure) => {
            let payment_method = confirm::payment_method_json(store, &intent);
            let error = match failure {
                Failure::Authentication => crate::error::invalid_request_with_doc(
                    &format!("{}_authentication_failure", T::OBJECT),
                    AUTHENTICATION_FAILED,
                ),
                Failure::NotAuthorized => {
                    crate::error::invalid_request_with_doc("payment_intent_payment_attempt_failed", NOT_AUTHORIZED)
                }
            };
            intent.fail(PaymentError { error, charge: None, payment_method });
        }
    }
    let json = intent.to_publishable_json();
    *store.intent_mut::<T>(id).expect("found above") = intent;
    Ok(json)
}
