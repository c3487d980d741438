//! `Idempotency-Key` on POST requests, as Stripe documents it: the first result is saved and
//! replayed for the same key and the same parameters; the same key with other parameters is an
//! `idempotency_error`; a request still running with the key is a 409. Results are saved only
//! when the endpoint began executing (2xx, or a 402 card error), not for validation failures.
//! Keys are kept 24 hours and scoped to the API key that sent them and the account it acted on
//! (`Stripe-Account`): the same key on two connected accounts is two requests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use stripe_common::{ErrorType, StripeError};

use crate::Sim;
use crate::error::ApiError;

const KEY_LIFETIME_SECONDS: i64 = 24 * 60 * 60;
const MAX_BODY: usize = 1 << 20;

#[derive(Debug, Default)]
pub struct IdempotencyStore {
    entries: Mutex<HashMap<(String, String), Entry>>,
}

#[derive(Debug, Clone)]
enum Entry {
    InFlight { request: Fingerprint },
    Done { request: Fingerprint, status: StatusCode, body: Bytes, saved_at: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    path: String,
    body: Bytes,
}

pub async fn layer(State(sim): State<Arc<Sim>>, request: Request, next: Next) -> Response {
    let key = request.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (Some(key), true) = (key, request.method() == Method::POST) else {
        return next.run(request).await;
    };
    let caller = ["authorization", "stripe-account"]
        .map(|name| request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default())
        .join(" ");
    let (parts, body) = request.into_parts();
    let Ok(body) = to_bytes(body, MAX_BODY).await else {
        return ApiError::invalid_request("Could not read the request body.").into_response();
    };
    let fingerprint = Fingerprint { path: parts.uri.path().to_owned(), body: body.clone() };
    let slot = (caller, key.clone());
    let now = sim.clock.now();

    {
        let mut entries = crate::locked(&sim.idempotency.entries);
        match entries.get(&slot) {
            Some(Entry::Done { saved_at, .. }) if now - saved_at >= KEY_LIFETIME_SECONDS => {
                entries.remove(&slot);
            }
            Some(Entry::Done { request, .. } | Entry::InFlight { request }) if *request != fingerprint => {
                return mismatch(&key);
            }
            Some(Entry::InFlight { .. }) => return in_progress(),
            Some(Entry::Done { status, body, .. }) => return replay(*status, body.clone()),
            None => {}
        }
        entries.insert(slot.clone(), Entry::InFlight { request: fingerprint.clone() });
    }
    // If the request never finishes (the client went away, the handler panicked), the key must
    // not stay "in progress" for ever.
    let mut in_flight = InFlightGuard { sim: &sim, slot: Some(slot) };

    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let (mut parts, body) = response.into_parts();
    let body = to_bytes(body, MAX_BODY).await.unwrap_or_default();
    let slot = in_flight.slot.take().expect("set above");
    let mut entries = crate::locked(&sim.idempotency.entries);
    if parts.status.is_success() || parts.status == StatusCode::PAYMENT_REQUIRED {
        entries.insert(
            slot,
            Entry::Done { request: fingerprint, status: parts.status, body: body.clone(), saved_at: now },
        );
    } else {
        entries.remove(&slot);
    }
    parts.headers.insert("idempotency-key", HeaderValue::from_str(&key).unwrap_or(HeaderValue::from_static("")));
    Response::from_parts(parts, Body::from(body))
}

/// Removes an in-flight key unless the request finished and took the slot back.
struct InFlightGuard<'a> {
    sim: &'a Sim,
    slot: Option<(String, String)>,
}

impl Drop for InFlightGuard<'_> {
    fn drop(&mut self) {
        if let Some(slot) = self.slot.take() {
            crate::locked(&self.sim.idempotency.entries).remove(&slot);
        }
    }
}

fn replay(status: StatusCode, body: Bytes) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert("content-type", HeaderValue::from_static("application/json"));
    response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

fn mismatch(key: &str) -> Response {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        StripeError::new(
            ErrorType::IdempotencyError,
            format!("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."),
        ),
    )
    .into_response()
}

fn in_progress() -> Response {
    ApiError::new(
        StatusCode::CONFLICT,
        StripeError::new(
            ErrorType::IdempotencyError,
            "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through). Please try again later.",
        ),
    )
    .into_response()
}
