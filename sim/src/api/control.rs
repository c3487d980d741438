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
        .route("/_sim/history/seed", post(seed_history))
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

/// `POST /_sim/history/seed` with a JSON [`SeedRequest`](crate::history::SeedRequest) (all
/// optional: `seed` 42, `charges` 50,000, `days` 90, `until` the clock): a shop's payment
/// history for a data export to read, the same for the same seed and end. No events: it
/// happened before any endpoint existed. Answers what was made (counts and totals).
async fn seed_history(
    State(sim): State<Arc<Sim>>,
    Json(request): Json<crate::history::SeedRequest>,
) -> Result<Json<Value>, (StatusCode, String)> {
    if !(1..=crate::history::MAX_CHARGES).contains(&request.charges) || !(1..=3_650).contains(&request.days) {
        return Err((
            StatusCode::BAD_REQUEST,
            format!("charges must be 1 to {}, days 1 to 3650", crate::history::MAX_CHARGES),
        ));
    }
    let until = request.until.unwrap_or_else(|| sim.clock.now());
    let seeded = sim.seed_history(&request, until);
    Ok(Json(serde_json::to_value(seeded).unwrap_or_default()))
}
