//! `/v1/events` (Stripe's API) and the stand-in's webhook controls for tests.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use super::delivery::{Attempt, Endpoint, Signing};
use crate::Sim;
use crate::error::ApiError;
use crate::params::StripeRequest;

/// `/v1/events`: part of Stripe's API, served with the rest of `/v1` (same keys, errors,
/// faults and request ids).
pub fn events_api() -> Router<Arc<Sim>> {
    Router::new().route("/v1/events", get(list_events)).route("/v1/events/{id}", get(retrieve_event))
}

/// The test controls of webhook delivery.
pub fn controls() -> Router<Arc<Sim>> {
    Router::new()
        .route("/_sim/webhooks/endpoints", post(add_endpoint).get(endpoints))
        .route("/_sim/webhooks/retry", post(retry))
        .route("/_sim/webhooks/pause", post(pause))
        .route("/_sim/webhooks/resume", post(resume))
        .route("/_sim/webhooks/attempts", get(attempts))
        .route("/_sim/events/{id}/deliver", post(deliver))
}

/// The events of the account the request is made on: a platform's own without
/// `Stripe-Account`, a connected account's with it.
fn on_account(event: &Value, scope: Option<&str>) -> bool {
    event.get("account").and_then(Value::as_str) == scope
}

async fn list_events(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    req.params.allow_only(&["limit", "type"])?;
    let limit = req.params.list_limit()?;
    let kind = req.params.str("type")?;
    sim.apply(|store| {
        let matching: Vec<&Value> = store
            .events
            .iter()
            .rev()
            .filter(|e| on_account(e, req.scope()) && kind.is_none_or(|k| e["type"] == k))
            .collect();
        Ok(Json(json!({
            "object": "list",
            "data": matching.iter().take(limit).collect::<Vec<_>>(),
            "has_more": matching.len() > limit,
            "url": "/v1/events",
        })))
    })
}

async fn retrieve_event(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    crate::api::retrieve_with_secret(&sim, &req, &id, ("event", "id"), |store| {
        store.events.iter().find(|e| e["id"] == id.as_str() && on_account(e, req.scope())).cloned()
    })
}

/// `{"url", "secret", "connect"}`: `connect: true` adds a Connect endpoint.
async fn add_endpoint(State(sim): State<Arc<Sim>>, Json(endpoint): Json<Endpoint>) -> Json<Value> {
    sim.webhooks.add_endpoint(endpoint);
    Json(json!({"endpoints": sim.webhooks.endpoints().len()}))
}

async fn endpoints(State(sim): State<Arc<Sim>>) -> Json<Vec<Endpoint>> {
    Json(sim.webhooks.endpoints())
}

#[derive(Deserialize)]
struct Retry {
    base_ms: u64,
}

async fn retry(State(sim): State<Arc<Sim>>, Query(retry): Query<Retry>) -> Json<Value> {
    sim.webhooks.set_retry_base(Duration::from_millis(retry.base_ms));
    Json(json!({"base_ms": retry.base_ms}))
}

async fn pause(State(sim): State<Arc<Sim>>) -> Json<Value> {
    sim.webhooks.pause();
    Json(json!({"paused": true}))
}

#[derive(Deserialize)]
struct Resume {
    #[serde(default)]
    order: Option<String>,
}

/// Releases held deliveries, `?order=reverse` for the opposite of the order they happened.
async fn resume(State(sim): State<Arc<Sim>>, Query(resume): Query<Resume>) -> Json<Value> {
    let released = sim.webhooks.resume(resume.order.as_deref() == Some("reverse"));
    Json(json!({"released": released}))
}

async fn attempts(State(sim): State<Arc<Sim>>) -> Json<Vec<Attempt>> {
    Json(sim.webhooks.attempts())
}

#[derive(Deserialize, Default)]
struct Deliver {
    #[serde(default)]
    signing: Signing,
    #[serde(default)]
    times: Option<u32>,
}

/// Delivers an event again, now: `{"signing": "forged" | "stale" | "missing" | "malformed",
/// "times": n}`; answers the endpoints' statuses.
async fn deliver(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    body: Option<Json<Deliver>>,
) -> Result<Json<Value>, ApiError> {
    let Json(options) = body.unwrap_or_default();
    let event = sim.apply(|store| store.events.iter().find(|e| e["id"] == id.as_str()).cloned());
    let event = event.ok_or_else(|| ApiError::no_such("event", &id, "id"))?;
    let statuses = sim.webhooks.deliver_now(&event, options.signing, options.times.unwrap_or(1).clamp(1, 1000)).await;
    Ok(Json(json!({"statuses": statuses})))
}
