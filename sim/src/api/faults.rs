//! Test control: make the stand-in answer the next requests to a path with a Stripe error
//! (a CustomerSession Stripe refuses, a payment method that is rate limited or unavailable, an
//! outage), so that tests can see how the checkout copes.

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
    status: u16,
    #[serde(rename = "type")]
    type_: ErrorType,
    #[serde(default)]
    code: Option<String>,
    message: String,
    /// How many requests fail (default 1).
    #[serde(default = "one")]
    count: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Default)]
pub struct Faults(Mutex<Vec<Fault>>);

/// `POST /_sim/faults` with a JSON [`Fault`].
pub async fn add(State(sim): State<Arc<Sim>>, Json(fault): Json<Fault>) -> Result<Json<Value>, (StatusCode, String)> {
    StatusCode::from_u16(fault.status).map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
    if fault.count == 0 {
        return Err((StatusCode::BAD_REQUEST, "count must be at least 1".into()));
    }
    sim.faults.0.lock().unwrap_or_else(|p| p.into_inner()).push(fault);
    Ok(Json(json!({"ok": true})))
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let (pattern, path): (Vec<&str>, Vec<&str>) = (pattern.split('/').collect(), path.split('/').collect());
    pattern.len() == path.len() && pattern.iter().zip(&path).all(|(p, s)| *p == "*" || p == s)
}

pub async fn layer(State(sim): State<Arc<Sim>>, request: Request, next: Next) -> Response {
    let hit = {
        let mut faults = sim.faults.0.lock().unwrap_or_else(|p| p.into_inner());
        let found = faults.iter().position(|f| {
            path_matches(&f.path, request.uri().path())
                && f.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(request.method().as_str()))
        });
        found.map(|i| {
            let fault = faults[i].clone();
            faults[i].count -= 1;
            if faults[i].count == 0 {
                faults.remove(i);
            }
            fault
        })
    };
    match hit {
        Some(fault) => {
            let mut error = StripeError::new(fault.type_, fault.message);
            error.code = fault.code;
            let status = StatusCode::from_u16(fault.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            ApiError::new(status, error).into_response()
        }
        None => next.run(request).await,
    }
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
