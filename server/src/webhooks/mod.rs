//! `POST /api/webhooks/stripe`: Stripe's events, verified on the raw body, applied to orders.
//!
//! Signatures are checked here with `hmac`/`sha2` rather than through async-stripe-webhook:
//! that crate verifies and parses into its typed objects in one step, and refuses a
//! well-signed event whose object it cannot parse, where we must acknowledge events we do not
//! understand and read only the few fields we need.

mod event;
mod signature;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use checkout_api::stripe_common::{ErrorType, StripeError};
use serde_json::{Value, json};

pub use event::Event;
pub use signature::{SignatureError, TOLERANCE_SECONDS, verify};

use crate::AppState;
use crate::error::AppError;
use crate::orders::Applied;

pub async fn receive(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Json<Value>, AppError> {
    let header = headers.get("stripe-signature").and_then(|v| v.to_str().ok());
    let now = chrono::Utc::now().timestamp();
    let secret = endpoint_secret(&state, &body)?;
    verify(header, &body, secret, now).map_err(|err| {
        tracing::warn!(error = %err, "webhook refused");
        // An unsigned body names nothing: its type is not read, nor counted.
        state.metrics.webhook("unknown", "refused_signature");
        AppError::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(ErrorType::InvalidRequestError, err.to_string()).with_code("webhook_signature_invalid"),
        )
    })?;
    let event: Event = serde_json::from_slice(&body).map_err(|e| {
        state.metrics.webhook("unknown", "invalid");
        AppError::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(ErrorType::InvalidRequestError, format!("not a Stripe event: {e}")),
        )
    })?;
    let applied = state.orders.apply(&event, now).await.map_err(|e| {
        tracing::error!(event = %event.id, error = %e, "event not stored; Stripe will retry");
        state.metrics.webhook(&event.type_, "error");
        AppError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            StripeError::new(ErrorType::ApiError, "The event could not be stored."),
        )
    })?;
    state.metrics.webhook(&event.type_, applied.as_str());
    match applied {
        Applied::Ignored => {
            tracing::info!(event = %event.id, kind = %event.type_, "event type not acted on: acknowledged")
        }
        Applied::NoOrder => tracing::info!(event = %event.id, kind = %event.type_, "no order of ours: acknowledged"),
        other => tracing::info!(event = %event.id, kind = %event.type_, outcome = ?other, "event applied"),
    }
    Ok(Json(json!({"received": true, "outcome": format!("{applied:?}")})))
}

/// The secret of the endpoint the event came to: a connected account's event (one with an
/// `account`, docs.stripe.com/connect/webhooks) is the Connect endpoint's, signed with its own
/// secret (`STRIPE_CONNECT_WEBHOOK_SECRET`); every other event the platform endpoint's. Both
/// endpoints may point at this one URL. `account` is read before the signature is checked only
/// to pick the secret: a forged `account` then fails the Connect secret's check.
fn endpoint_secret<'a>(state: &'a AppState, body: &[u8]) -> Result<&'a str, AppError> {
    #[derive(serde::Deserialize)]
    struct Origin {
        #[serde(default)]
        account: Option<serde::de::IgnoredAny>,
    }
    let connect = serde_json::from_slice::<Origin>(body).is_ok_and(|origin| origin.account.is_some());
    match (connect, &state.config.stripe.connect_webhook_secret) {
        (false, _) => Ok(&state.config.stripe.webhook_secret),
        (true, Some(secret)) => Ok(secret),
        (true, None) => {
            tracing::warn!("a Connect event came, but STRIPE_CONNECT_WEBHOOK_SECRET is not set: refused");
            state.metrics.webhook("unknown", "refused_signature");
            Err(AppError::new(
                StatusCode::BAD_REQUEST,
                StripeError::new(
                    ErrorType::InvalidRequestError,
                    "A connected account's event is verified with the Connect endpoint's secret \
                     (STRIPE_CONNECT_WEBHOOK_SECRET), which is not set.",
                )
                .with_code("webhook_signature_invalid"),
            ))
        }
    }
}
