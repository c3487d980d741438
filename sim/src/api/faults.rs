//! Test control: make the stand-in answer the next requests to a path with a Stripe error
//! (a CustomerSession Stripe refuses, a payment method that is rate limited or unavailable, an
//! outage), or slowly: before the work (Stripe busy; the request is not recorded until the delay
//! is over) or after it (the work is done and recorded, the answer comes too late: a client's
//! timeout after Stripe charged). With a `probability`, each matching request fails only that
//! often, for load tests.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use stripe_common::{ErrorType, StripeError};

use crate::Sim;
use crate::error::ApiError;

#[derive(Debug, Clone, Deserialize)]
pub struct Fault {
    /// The request path, e.g. `/v1/customer_sessions`; `*` stands for any one segment
    /// (`/v1/payment_intents/*/confirm`).
    path: String,
    /// Only this method (default: any).
    #[serde(default)]
    method: Option<String>,
    /// The error's HTTP status; without one the request goes through (only delayed).
    #[serde(default)]
    status: Option<u16>,
    #[serde(rename = "type", default)]
    type_: Option<ErrorType>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    message: Option<String>,
    /// Hold the request this long first, or with `after`, do the work and then hold the answer.
    #[serde(default)]
    delay_ms: u64,
    #[serde(default)]
    after: bool,
    /// How many requests are hit (default 1).
    #[serde(default = "one")]
    count: u32,
    /// The chance (0-1] that a matching request is hit (default 1).
    #[serde(default = "always")]
    probability: f64,
}

fn one() -> u32 {
    1
}

fn always() -> f64 {
    1.0
}

#[derive(Debug, Default)]
pub struct Faults(Mutex<Vec<Fault>>);

/// `POST /_sim/faults` with a JSON [`Fault`].
pub async fn add(State(sim): State<Arc<Sim>>, Json(fault): Json<Fault>) -> Result<Json<Value>, (StatusCode, String)> {
    let refuse = |why: &str| Err((StatusCode::BAD_REQUEST, why.to_owned()));
    match fault.status {
        Some(status) => {
            StatusCode::from_u16(status).map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
            if fault.type_.is_none() || fault.message.is_none() {
                return refuse("an error needs a type and a message");
            }
            if fault.after {
                return refuse("an error is answered before the work: after applies to delays only");
            }
        }
        None if fault.delay_ms == 0 => return refuse("a fault needs a status or a delay_ms"),
        None => {}
    }
    if fault.count == 0 {
        return refuse("count must be at least 1");
    }
    if !(fault.probability > 0.0 && fault.probability <= 1.0) {
        return refuse("probability must be in (0, 1]");
    }
    if fault.delay_ms > 600_000 {
        return refuse("delay_ms must be at most 600000");
    }
    crate::locked(&sim.faults.0).push(fault);
    Ok(Json(json!({"ok": true})))
}

/// `DELETE /_sim/faults`: no more faults.
pub async fn clear(State(sim): State<Arc<Sim>>) -> Json<Value> {
    crate::locked(&sim.faults.0).clear();
    Json(json!({"ok": true}))
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let (pattern, path): (Vec<&str>, Vec<&str>) = (pattern.split('/').collect(), path.split('/').collect());
    pattern.len() == path.len() && pattern.iter().zip(&path).all(|(p, s)| *p == "*" || p == s)
}

/// The first fault for this request that strikes (by its probability), used up by one.
fn strike(sim: &Sim, request: &Request) -> Option<Fault> {
    let mut faults = crate::locked(&sim.faults.0);
    let found = faults.iter().position(|f| {
        path_matches(&f.path, request.uri().path())
            && f.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(request.method().as_str()))
            && (f.probability >= 1.0 || rand::random::<f64>() < f.probability)
    })?;
    let fault = faults[found].clone();
    faults[found].count -= 1;
    if faults[found].count == 0 {
        faults.remove(found);
    }
    Some(fault)
}

pub async fn layer(State(sim): State<Arc<Sim>>, request: Request, next: Next) -> Response {
    let Some(fault) = strike(&sim, &request) else { return next.run(request).await };
    let delay = std::time::Duration::from_millis(fault.delay_ms);
    if !fault.after {
        tokio::time::sleep(delay).await;
    }
    let response = match (fault.status, fault.type_, fault.message) {
        (Some(status), Some(type_), Some(message)) => {
            let mut error = StripeError::new(type_, message);
            error.code = fault.code;
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            ApiError::new(status, error).into_response()
        }
        // The work is done (and recorded) even if the client gives up waiting meanwhile.
        _ => {
            tokio::spawn(next.run(request)).await.unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
    };
    if fault.after {
        tokio::time::sleep(delay).await;
    }
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_star_matches_one_segment() {
        assert!(super::path_matches("/v1/payment_intents/*/confirm", "/v1/payment_intents/pi_123/confirm"));
        assert!(!super::path_matches("/v1/payment_intents/*/confirm", "/v1/payment_intents/pi_123/cancel"));
        assert!(!super::path_matches("/v1/payment_intents/*", "/v1/payment_intents/pi_1/confirm"));
        assert!(super::path_matches("/v1/customers", "/v1/customers"));
    }
}
