//! The background worker of the email jobs, one per instance: it claims a few pending items,
//! updates those accounts at Stripe side by side, records each answer, and marks a job done
//! when nothing of it is pending. Stripe's rate limit (429) makes it wait, doubling the pause
//! up to [`MAX_PAUSE`], before the same items are tried again; a failure of Stripe or the
//! network is retried later, at most [`MAX_ATTEMPTS`] calls an item; a refusal (an account
//! that is not the platform's, an email Stripe will not take) is the item's result.

use std::collections::BTreeSet;
use std::time::Duration;

use futures_util::future::join_all;
use tokio::task::JoinHandle;

use super::completion::Announcer;
use super::{Claimed, EmailJobs};
use crate::payments::{EmailUpdateOutcome, Payments};

/// Items an instance works on at once: Stripe takes 25 requests a second in test mode and 100
/// live, shared by every instance and the checkout, so a few in flight each.
const BATCH: i64 = 8;
/// How long a claim lasts beyond the Stripe call's own time limit (`STRIPE_TIMEOUT_SECONDS`):
/// a crashed instance's items are taken again after both; a live one has recorded them by then.
const HOLD_MARGIN_SECONDS: i64 = 30;
/// Stripe calls an item gets before it is failed for good.
pub const MAX_ATTEMPTS: i64 = 5;
/// How long an idle worker waits for work another instance may have stored.
const IDLE: Duration = Duration::from_secs(1);
const FIRST_PAUSE: Duration = Duration::from_millis(250);
const MAX_PAUSE: Duration = Duration::from_secs(8);

/// The running worker; [`Worker::stop`] ends it and gives its claims back.
pub struct Worker {
    task: JoinHandle<()>,
    announcer: Option<JoinHandle<()>>,
    jobs: EmailJobs,
    instance: String,
}

/// The worker, and with `announcer` the task that sends finished jobs' events (each second).
pub fn spawn(
    jobs: EmailJobs,
    payments: Payments,
    instance: &str,
    stripe_timeout: Duration,
    announcer: Option<Announcer>,
) -> Worker {
    let announcer = announcer.map(|announcer| {
        let jobs = jobs.clone();
        tokio::spawn(async move {
            loop {
                if let Err(err) = announcer.announce_due(&jobs).await {
                    tracing::error!(error = %err, "email jobs: cannot read the events due");
                }
                tokio::time::sleep(IDLE).await;
            }
        })
    });
    let (worker_jobs, holder) = (jobs.clone(), instance.to_owned());
    let hold = stripe_timeout.as_secs() as i64 + HOLD_MARGIN_SECONDS;
    let task = tokio::spawn(async move {
        let mut pause = FIRST_PAUSE;
        loop {
            let batch = match worker_jobs.claim(&holder, BATCH, hold).await {
                Ok(batch) => batch,
                Err(err) => {
                    tracing::error!(error = %err, "email jobs: cannot claim work");
                    tokio::time::sleep(IDLE).await;
                    continue;
                }
            };
            if batch.is_empty() {
                if let Err(err) = worker_jobs.complete_unfinished().await {
                    tracing::error!(error = %err, "email jobs: cannot mark finished jobs done");
                }
                tokio::select! {
                    () = worker_jobs.wake.notified() => {}
                    () = tokio::time::sleep(IDLE) => {}
                }
                continue;
            }
            let rate_limited = work(&worker_jobs, &payments, &holder, &batch).await;
            if rate_limited {
                tracing::info!(pause_ms = pause.as_millis() as u64, "email jobs: Stripe's rate limit, pausing");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(MAX_PAUSE);
            } else {
                pause = FIRST_PAUSE;
            }
        }
    });
    Worker { task, announcer, jobs, instance: instance.to_owned() }
}

/// Updates the batch's accounts and records the answers; true if Stripe rate-limited any.
async fn work(jobs: &EmailJobs, payments: &Payments, instance: &str, batch: &[Claimed]) -> bool {
    let outcomes = join_all(batch.iter().map(|item| update(payments, item))).await;
    let mut rate_limited = false;
    for (item, outcome) in batch.iter().zip(outcomes) {
        let recorded = match outcome {
            EmailUpdateOutcome::Updated => jobs.finish(instance, item, "updated", None).await,
            EmailUpdateOutcome::Refused(message) => {
                tracing::warn!(account = %item.account_id, %message, "email jobs: Stripe refused an update");
                jobs.finish(instance, item, "failed", Some(&message)).await
            }
            EmailUpdateOutcome::RateLimited => {
                rate_limited = true;
                jobs.release(instance, item, 0, false).await
            }
            EmailUpdateOutcome::Failed(message) if item.attempts >= MAX_ATTEMPTS => {
                tracing::error!(account = %item.account_id, %message, "email jobs: an update failed for good");
                jobs.finish(instance, item, "failed", Some(&message)).await
            }
            EmailUpdateOutcome::Failed(message) => {
                tracing::warn!(account = %item.account_id, %message, attempts = item.attempts, "email jobs: an update failed, tried again later");
                jobs.release(instance, item, 2_i64.pow(item.attempts as u32), true).await
            }
        };
        if let Err(err) = recorded {
            // The claim expires and the item is tried again under the same Idempotency-Key.
            tracing::error!(error = %err, account = %item.account_id, "email jobs: cannot record an update");
        }
    }
    let finished: BTreeSet<&str> = batch.iter().map(|item| item.job_id.as_str()).collect();
    for job in finished {
        match jobs.complete_if_done(job).await {
            Ok(true) => tracing::info!(job, "email job done"),
            Ok(false) => {}
            Err(err) => tracing::error!(error = %err, job, "email jobs: cannot mark a job done"),
        }
    }
    rate_limited
}

/// One item's call. A later attempt reads the account first: if the email is already the new
/// one, an earlier call was applied and only its answer was lost, so nothing is sent again.
async fn update(payments: &Payments, item: &Claimed) -> EmailUpdateOutcome {
    if item.attempts > 1 {
        match payments.account_email(&item.account_id).await {
            Ok(Some(email)) if email == item.email => return EmailUpdateOutcome::Updated,
            Ok(_) => {}
            Err(err) => return EmailUpdateOutcome::Failed(err.error.to_string()),
        }
    }
    payments.update_account_email(&item.account_id, &item.email, &item.idempotency_key()).await
}

impl Worker {
    /// Stops the worker and gives back what it held, for another instance to take at once.
    pub async fn stop(self) {
        self.task.abort();
        let _ = self.task.await;
        if let Some(announcer) = self.announcer {
            announcer.abort();
            let _ = announcer.await;
        }
        match self.jobs.release_all(&self.instance).await {
            Ok(0) => {}
            Ok(released) => tracing::info!(released, "email jobs: claims given back at shutdown"),
            Err(err) => tracing::warn!(error = %err, "email jobs: claims not given back; they expire by themselves"),
        }
    }
}
