//! Background sweeps, every few minutes: pending orders older than `CHECKOUT_ABANDON_AFTER_SECONDS`
//! are marked abandoned (never deleted), declines older than the card-testing window are
//! forgotten, and idle clients' rate-limit buckets dropped. Each sweep is one idempotent UPDATE
//! or DELETE, so several instances sweeping the same database at once do no harm.

use std::time::Duration;

use tokio::task::JoinHandle;

use crate::AppState;

pub fn spawn(state: AppState) -> JoinHandle<()> {
    let every = (state.config.abandon_after / 4).clamp(Duration::from_secs(1), Duration::from_secs(300));
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        loop {
            ticks.tick().await;
            sweep(&state).await;
        }
    })
}

async fn sweep(state: &AppState) {
    let now = chrono::Utc::now().timestamp();
    let age = state.config.abandon_after.as_secs() as i64;
    match state.orders.abandon_pending(now - age, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(orders = n, "pending orders nobody paid marked abandoned"),
        Err(err) => tracing::error!(error = %err, "could not sweep pending orders"),
    }
    if let Some(rate) = state.config.limits.declines
        && let Err(err) = state.orders.forget_declines(now - rate.period.as_secs() as i64).await
    {
        tracing::error!(error = %err, "could not forget old declines");
    }
    state.limits.forget_idle();
}
