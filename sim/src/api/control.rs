//! Test controls that Stripe does not have: move the stand-in's clock, inject errors, make
//! connected accounts in bulk and onboard them (`account_seed.rs`), check it is up.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::Sim;

pub fn router() -> Router<Arc<Sim>> {
    Router::new()
        .route("/_sim/health", get(health))
        .route("/_sim/clock/advance", post(advance_clock))
        .route("/_sim/faults", post(super::faults::add).delete(super::faults::clear))
        .route("/_sim/accounts/seed", post(super::account_seed::seed))
        .route("/_sim/accounts/{id}/onboard", post(super::account_seed::onboard))
}

async fn health(State(sim): State<Arc<Sim>>) -> Json<Value> {
    Json(json!({"ok": true, "now": sim.clock.now()}))
}

#[derive(Deserialize)]
struct Advance {
    seconds: i64,
}

/// Moves the clock forward; what became due (konbini payments made or expired) happens at once,
/// with its events. A move backwards, or past what the clock can count, is refused.
async fn advance_clock(
    State(sim): State<Arc<Sim>>,
    Query(advance): Query<Advance>,
) -> Result<Json<Value>, (StatusCode, String)> {
    sim.clock.advance(advance.seconds).map_err(|e| (StatusCode::BAD_REQUEST, e))?;
    sim.apply(|_| ());
    Ok(Json(json!({"now": sim.clock.now()})))
}
