//! What operators and their tools ask of a running instance, beside the shop: `GET /healthz`
//! (the process answers: for a liveness probe), `GET /readyz` (it can take traffic:
//! `readiness`), `GET /metrics` (Prometheus' text format: `prometheus`, behind
//! `CHECKOUT_METRICS_TOKEN` when set), and a request id on every request (`request_id`).
//! None of them is under `/api`: no rate limit or request time limit applies, and the proxy in
//! front can keep them off the public internet by path.

mod prometheus;
mod readiness;
pub mod request_id;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use checkout_api::stripe_common::{ErrorType, StripeError};
use serde_json::{Value, json};

pub use self::prometheus::{Metrics, track};
use crate::AppState;
use crate::config::Secret;
use crate::error::AppError;

/// Longest wait for the database's counts when scraped: a slow database must not hang a scrape.
const COUNT_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readiness::readyz))
        .route("/metrics", get(metrics))
}

/// The process is up and serving HTTP; nothing else is checked (a liveness probe that asked
/// the database would restart every instance when the database is down).
async fn healthz() -> ([(axum::http::HeaderName, &'static str); 1], Json<Value>) {
    ([(CACHE_CONTROL, "no-store")], Json(json!({"status": "ok"})))
}

async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, Response> {
    authorize(state.config.metrics_token.as_ref(), &headers)?;
    match tokio::time::timeout(COUNT_WAIT, state.orders.counts()).await {
        Ok(Ok(counts)) => state.metrics.orders(&counts.by_method_and_status, counts.konbini_vouchers_pending),
        Ok(Err(err)) => tracing::warn!(error = %err, "metrics: cannot count the orders"),
        Err(_) => tracing::warn!("metrics: the database did not count the orders in time"),
    }
    let headers = [(CONTENT_TYPE, prometheus::CONTENT_TYPE), (CACHE_CONTROL, "no-store")];
    Ok((headers, state.metrics.render()).into_response())
}

/// With `CHECKOUT_METRICS_TOKEN` set, only `Authorization: Bearer <token>` may scrape
/// (compared in constant time); 401 in Stripe's error shape otherwise.
fn authorize(token: Option<&Secret>, headers: &HeaderMap) -> Result<(), Response> {
    let Some(token) = token else { return Ok(()) };
    let given = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    let bearer = given.and_then(|v| v.strip_prefix("Bearer ")).unwrap_or_default();
    if token.matches(bearer) {
        return Ok(());
    }
    let error = StripeError::new(
        ErrorType::InvalidRequestError,
        "A valid metrics token is required (Authorization: Bearer ...).",
    )
    .with_code("unauthorized");
    let mut refused = AppError::new(StatusCode::UNAUTHORIZED, error).into_response();
    refused.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"metrics\""));
    Err(refused)
}
