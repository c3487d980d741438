//! A finished job is announced to the platform's own endpoints (`CHECKOUT_OPERATOR_WEBHOOK_URLS`)
//! as an event in Stripe's shape, `email_job.completed`, signed as Stripe signs its events
//! (`Stripe-Signature: t=<time>,v1=<HMAC-SHA256 of "<time>.<body>">` with the endpoint secret), so
//! the platform verifies it with the code it has for Stripe's (stripe-node's
//! `webhooks.constructEvent`, any Stripe library). Like Stripe, at least once: the event keeps its
//! id across retries, every endpoint must answer 2xx, and until they all have it the event is
//! sent again, 1 s, 2 s, 4 s ... (at most an hour) after each try, [`MAX_ATTEMPTS`] times. The
//! state is the job's row, so another instance or a restart carries on.

use std::time::Duration;

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use sqlx::Row;

use super::{EmailJobs, JobView};
use crate::config::OperatorWebhooks;

/// Tries of one event before it is given up (and logged as such).
pub const MAX_ATTEMPTS: i64 = 16;
/// How long a try may take before another instance may make it.
const HOLD_SECONDS: i64 = 60;
const SEND_TIMEOUT: Duration = Duration::from_secs(10);

/// Sends the due events of finished jobs.
#[derive(Clone)]
pub struct Announcer {
    webhooks: OperatorWebhooks,
    http: reqwest::Client,
    livemode: bool,
}

impl Announcer {
    pub fn new(webhooks: OperatorWebhooks, livemode: bool) -> Self {
        let http =
            reqwest::Client::builder().timeout(SEND_TIMEOUT).user_agent("checkout-server").build().unwrap_or_default();
        Self { webhooks, http, livemode }
    }

    /// Sends every event that is due now; how many went to every endpoint.
    pub async fn announce_due(&self, jobs: &EmailJobs) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        while let Some((job, attempts)) = jobs.claim_announcement().await? {
            if self.send(&job).await {
                jobs.announced(&job.id).await?;
                sent += 1;
            } else if attempts >= MAX_ATTEMPTS {
                tracing::error!(job = %job.id, attempts, "email_job.completed given up: an endpoint never took it");
                jobs.announced(&job.id).await?;
            } else {
                let after = 2_i64.pow((attempts - 1).min(12) as u32).min(3600);
                tracing::warn!(job = %job.id, attempts, after, "email_job.completed not taken by every endpoint; sent again later");
                jobs.announce_later(&job.id, after).await?;
            }
        }
        Ok(sent)
    }

    /// Posts the job's event to every endpoint; true when each answered 2xx.
    async fn send(&self, job: &JobView) -> bool {
        let body = event(job, self.livemode).to_string();
        let mut all = true;
        for url in &self.webhooks.urls {
            let timestamp = chrono::Utc::now().timestamp();
            let signature = signature(self.webhooks.secret.expose(), timestamp, &body);
            let answer = self
                .http
                .post(url)
                .header("content-type", "application/json")
                .header("stripe-signature", format!("t={timestamp},v1={signature}"))
                .body(body.clone())
                .send()
                .await;
            match answer {
                Ok(response) if response.status().is_success() => {}
                Ok(response) => {
                    tracing::warn!(%url, status = response.status().as_u16(), "an endpoint refused email_job.completed");
                    all = false;
                }
                Err(err) => {
                    tracing::warn!(%url, error = %err, "email_job.completed could not be delivered");
                    all = false;
                }
            }
        }
        all
    }
}

/// The event, in the shape of Stripe's: its id is the job's, so a resent event is recognised.
fn event(job: &JobView, livemode: bool) -> Value {
    json!({
        "id": format!("evt_{}", job.id.trim_start_matches("emailjob_")),
        "object": "event",
        "type": "email_job.completed",
        "created": job.finished_at,
        "livemode": livemode,
        "data": {"object": {
            "id": job.id,
            "object": "email_job",
            "status": job.status,
            "total": job.total,
            "updated": job.updated,
            "failed": job.failed,
            "created": job.created_at,
            "finished_at": job.finished_at,
            "results_url": format!("/api/operator/emails/jobs/{}/results", job.id),
        }},
    })
}

/// Stripe's v1 scheme: HMAC-SHA256 of `"{t}.{body}"` keyed with the whole secret, as hex.
fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

impl EmailJobs {
    /// A finished job whose event is due, held by this call for a while: the job and the tries
    /// made with this one.
    async fn claim_announcement(&self) -> Result<Option<(JobView, i64)>, sqlx::Error> {
        let now = self.db.now_sql();
        let skip_locked = self.db.skip_locked();
        let sql = format!(
            "WITH due AS MATERIALIZED (SELECT id FROM email_jobs \
             WHERE finished_at IS NOT NULL AND notified_at IS NULL AND notify_after <= {now} ORDER BY id LIMIT 1{skip_locked}) \
             UPDATE email_jobs SET notify_after = {now} + $1, notify_attempts = notify_attempts + 1 \
             WHERE id IN (SELECT id FROM due) AND notified_at IS NULL AND notify_after <= {now} \
             RETURNING id, notify_attempts"
        );
        let Some(row) = sqlx::query(&sql).bind(HOLD_SECONDS).fetch_optional(&self.db.pool).await? else {
            return Ok(None);
        };
        let (id, attempts): (String, i64) = (row.try_get(0)?, row.try_get(1)?);
        Ok(self.view(&id).await?.map(|job| (job, attempts)))
    }

    async fn announced(&self, id: &str) -> Result<(), sqlx::Error> {
        let now = self.db.now_sql();
        sqlx::query(&format!("UPDATE email_jobs SET notified_at = {now} WHERE id = $1"))
            .bind(id)
            .execute(&self.db.pool)
            .await?;
        Ok(())
    }

    async fn announce_later(&self, id: &str, after_seconds: i64) -> Result<(), sqlx::Error> {
        let now = self.db.now_sql();
        let sql = format!("UPDATE email_jobs SET notify_after = {now} + $1 WHERE id = $2 AND notified_at IS NULL");
        sqlx::query(&sql).bind(after_seconds).bind(id).execute(&self.db.pool).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::signature;

    #[test]
    fn signs_as_stripes_documented_example_scheme() {
        // HMAC-SHA256("whsec_test_secret", "1700000000.{}") computed independently (Python's hmac).
        assert_eq!(
            signature("whsec_test_secret", 1_700_000_000, "{}"),
            "ceb8863f7208fa249a6cd8f951e993c7563412aca65866f6272283debe143ab3"
        );
    }
}
