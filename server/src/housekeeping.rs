//! Background sweeps, every few minutes: pending orders older than `CHECKOUT_ABANDON_AFTER_SECONDS`
//! are marked abandoned (never deleted), declines older than the card-testing window are
//! forgotten, and idle clients' rate-limit buckets dropped.
//!
//! With several instances on one database, the database-wide sweeps run on one instance at a
//! time: the one holding the `housekeeping` lease (`lease`), renewed each round and taken over
//! by another instance within three rounds when its holder dies. Each sweep is also one
//! idempotent UPDATE or DELETE, so a holder that stalls past its lease does no harm either.
//! Webhook retries are Stripe's, and so is a konbini voucher's expiry (its
//! `payment_intent.payment_failed` or `.canceled` moves the order): nothing of ours to sweep.
//! The rate-limit buckets live in each instance's memory, so each instance drops its own.

use std::time::Duration;

use tokio::task::JoinHandle;

use crate::AppState;
use crate::lease::Lease;

/// The lease the sweeps run under.
const LEASE: &str = "housekeeping";

/// The running sweeps; [`Housekeeping::stop`] ends them and gives up the lease.
pub struct Housekeeping {
    task: JoinHandle<()>,
    lease: Lease,
}

pub fn spawn(state: AppState) -> Housekeeping {
    let every = (state.config.abandon_after / 4).clamp(Duration::from_secs(1), Duration::from_secs(300));
    let lease = Lease::new(state.db.clone(), LEASE, &state.instance, every * 3);
    let holder = lease.clone();
    let task = tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        let mut leading = false;
        loop {
            ticks.tick().await;
            state.metrics.upkeep();
            let holds = holder.hold().await.unwrap_or_else(|err| {
                tracing::error!(error = %err, "cannot renew the housekeeping lease");
                false
            });
            if holds != leading {
                tracing::info!(instance = %state.instance, holds, "housekeeping lease changed hands");
                leading = holds;
            }
            state.metrics.leader(holds);
            if holds {
                sweep(&state).await;
            }
            state.limits.forget_idle();
        }
    });
    Housekeeping { task, lease }
}

impl Housekeeping {
    /// Stops the sweeps and releases the lease, so that another instance sweeps at once.
    pub async fn stop(self) {
        self.task.abort();
        let _ = self.task.await;
        if let Err(err) = self.lease.release().await {
            tracing::warn!(error = %err, "could not release the housekeeping lease; it expires by itself");
        }
    }
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
}
