//! 3-D Secure, as Stripe's test authentication page drives it: the shopper completes or fails
//! the challenge; the PaymentIntent then succeeds, or goes back to `requires_payment_method`
//! with `payment_intent_authentication_failure`. Called by the stand-in's challenge page (a
//! Stripe-hosted page, reached in a modal or by redirect, so without an API key) with the
//! PaymentIntent's client secret.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::Value;
use stripe_common::{ErrorType, StripeError};

use crate::error::ApiError;
use crate::objects::{NextAction, PaymentError, PaymentMethod, Status};
use crate::params::Params;
use crate::{Sim, form};

pub const AUTHENTICATION_FAILED: &str =
    "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

pub async fn complete(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    authenticate(&sim, &id, &body, true)
}

pub async fn fail(State(sim): State<Arc<Sim>>, Path(id): Path<String>, body: Bytes) -> Result<Json<Value>, ApiError> {
    authenticate(&sim, &id, &body, false)
}

fn authenticate(sim: &Sim, id: &str, body: &[u8], completed: bool) -> Result<Json<Value>, ApiError> {
    let params = Params(form::decode(body).map_err(ApiError::invalid_request)?);
    let secret = params.required_str("client_secret")?;
    sim.apply(|store| {
        let payment_method = {
            let intent = store.payment_intent_for_secret(id, Some(secret))?;
            if intent.status != Status::RequiresAction
                || !intent.next_action.as_ref().is_some_and(NextAction::authenticates)
            {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    StripeError::new(
                        ErrorType::InvalidRequestError,
                        "This PaymentIntent does not require authentication.",
                    )
                    .with_code("payment_intent_unexpected_state"),
                ));
            }
            intent.payment_method.as_deref().and_then(|pm| store.payment_methods.get(pm)).map(PaymentMethod::to_json)
        };
        let mut intent = store.payment_intent(id).cloned().expect("checked above");
        intent.next_action = None;
        if completed {
            super::confirm::succeed(store, sim.clock.now(), &mut intent);
        } else {
            intent.status = Status::RequiresPaymentMethod;
            intent.payment_method = None;
            intent.last_payment_error = Some(PaymentError {
                error: crate::error::invalid_request_with_doc(
                    "payment_intent_authentication_failure",
                    AUTHENTICATION_FAILED,
                ),
                charge: None,
                payment_method,
            });
        }
        let json = intent.to_publishable_json();
        *store.payment_intent_mut(id).expect("checked above") = intent;
        Ok(Json(json))
    })
}
