//! `GET /readyz`: whether this instance should be sent traffic. Ready when its database answers
//! (within two seconds), has every migration this build expects, and the Stripe client is
//! configured; otherwise 503 with the first reason, so the balancer or the orchestrator takes
//! the instance out until it recovers.
//!
//! Stripe itself is not asked: its outage would make every instance unready at once, and an
//! empty balancer turns payments that fail with a clear 502 into a checkout that does not load.
//! The reasons are fixed sentences, never a driver's message (which may name a host or a user):
//! those go to the log.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CACHE_CONTROL;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::AppState;

/// Longest wait for the database: a probe must answer before the prober gives up on it.
const DATABASE_WAIT: Duration = Duration::from_secs(2);

#[derive(Debug, Serialize)]
struct Readiness {
    /// `ready` or `unavailable`.
    status: &'static str,
    /// Why not ready: the first check that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    /// Which instance answered (the one its housekeeping lease names).
    instance: String,
    checks: Checks,
}

#[derive(Debug, Serialize)]
struct Checks {
    database: String,
    migrations: String,
    stripe: String,
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    let database = match tokio::time::timeout(DATABASE_WAIT, state.db.ping()).await {
        Ok(Ok(())) => Ok("ok".to_owned()),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "not ready: the database refused");
            Err("the database cannot be reached".to_owned())
        }
        Err(_) => Err(format!("the database did not answer within {} s", DATABASE_WAIT.as_secs())),
    };
    let migrations = match database {
        Ok(_) => migrations(&state).await,
        Err(_) => Err("not checked: no database".to_owned()),
    };
    let stripe = stripe(&state);
    let reason = [&database, &migrations, &stripe].into_iter().find_map(|check| check.clone().err());
    let readiness = Readiness {
        status: if reason.is_none() { "ready" } else { "unavailable" },
        reason,
        instance: state.instance.to_string(),
        checks: Checks { database: said(database), migrations: said(migrations), stripe: said(stripe) },
    };
    let status = if readiness.reason.is_none() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, [(CACHE_CONTROL, "no-store")], Json(readiness)).into_response()
}

async fn migrations(state: &AppState) -> Result<String, String> {
    match tokio::time::timeout(DATABASE_WAIT, state.db.missing_migrations()).await {
        Ok(Ok(missing)) if missing.is_empty() => Ok("ok".to_owned()),
        Ok(Ok(missing)) => {
            let versions = missing.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
            Err(format!("migrations not applied: {versions}"))
        }
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "not ready: cannot read the applied migrations");
            Err("the applied migrations cannot be read".to_owned())
        }
        Err(_) => Err(format!("the database did not answer within {} s", DATABASE_WAIT.as_secs())),
    }
}

/// The client has its keys (the server refuses to start without them: this says which mode).
fn stripe(state: &AppState) -> Result<String, String> {
    let stripe = &state.config.stripe;
    if stripe.secret_key.is_empty() || stripe.webhook_secret.is_empty() {
        return Err("the Stripe keys are not configured".to_owned());
    }
    let place = if stripe.offline() { ", the stand-in" } else { "" };
    Ok(format!("ok: {} mode{place}", stripe.mode()))
}

/// A check as the answer shows it: `ok...`, or why not.
fn said(check: Result<String, String>) -> String {
    check.unwrap_or_else(|reason| reason)
}
