//! Bulk updates of connected accounts' emails: the operator confirms a reviewed upload and the
//! server applies it in the background, resumably. A job is rows in the database (`email_jobs`,
//! `email_job_items`; migration 0004), so a restart, a crash or another instance carries on
//! where the last one stopped; [`worker`] does the Stripe calls.
//!
//! Each account is updated once: the same updates confirmed again while their job runs are
//! that job, an item is claimed by one instance at a time (PostgreSQL: `FOR UPDATE SKIP
//! LOCKED`; SQLite has one writer) and only its holder records its outcome, and every call
//! carries the Idempotency-Key `account-email-{job}-{account}-{attempt}`. A new attempt gets a
//! new key because Stripe replays a key's first answer, a 500 included, for 24 hours; before
//! it, the worker reads the account, and an email already set is the item's success (the
//! earlier call was applied and its answer lost).

pub mod completion;
pub mod worker;

use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;
use tokio::sync::Notify;

use crate::db::Db;

/// Rows per INSERT when a job is stored (3 values a row: well under PostgreSQL's 65,535).
const INSERT_ROWS: usize = 1_000;

/// One account's new email, as the operator confirmed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    pub account_id: String,
    pub email: String,
}

/// A claimed item: the worker calls Stripe for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub job_id: String,
    pub account_id: String,
    pub email: String,
    /// Stripe calls made for it, this one included.
    pub attempts: i64,
}

impl Claimed {
    /// The Idempotency-Key of this attempt at this job's update of this account.
    pub fn idempotency_key(&self) -> String {
        format!("account-email-{}-{}-{}", self.job_id, self.account_id, self.attempts)
    }
}

/// What the operator's page shows of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobView {
    pub id: String,
    /// `running` or `done`.
    pub status: &'static str,
    pub total: i64,
    pub updated: i64,
    pub failed: i64,
    pub pending: i64,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

/// One item's outcome, for the results download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    pub account_id: String,
    pub email: String,
    pub status: String,
    pub error: Option<String>,
}

/// The jobs' store, and a bell that wakes this instance's worker when a job is added here.
#[derive(Clone, Debug)]
pub struct EmailJobs {
    db: Db,
    pub(crate) wake: Arc<Notify>,
}

impl EmailJobs {
    pub fn new(db: Db) -> Self {
        Self { db, wake: Arc::new(Notify::new()) }
    }

    /// Stores a job for `updates` (validated, one per account) unless the same updates are a
    /// job already: `(job, true)` when it is new.
    pub async fn create(&self, mut updates: Vec<NewEmail>) -> Result<(JobView, bool), sqlx::Error> {
        updates.sort_by(|a, b| a.account_id.cmp(&b.account_id));
        let digest = digest(&updates);
        if let Some(job) = self.by_digest(&digest).await? {
            return Ok((job, false));
        }
        let id = new_job_id();
        let now = chrono::Utc::now().timestamp();
        let mut tx = self.db.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO email_jobs (id, digest, total, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(&id)
        .bind(&digest)
        .bind(updates.len() as i64)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            // Another instance stored the same upload a moment ago.
            drop(tx);
            let job = self.by_digest(&digest).await?.ok_or(sqlx::Error::RowNotFound)?;
            return Ok((job, false));
        }
        for rows in updates.chunks(INSERT_ROWS) {
            let values: Vec<String> =
                (0..rows.len()).map(|i| format!("($1, ${}, ${}, 'pending')", 2 * i + 2, 2 * i + 3)).collect();
            let sql =
                format!("INSERT INTO email_job_items (job_id, account_id, email, status) VALUES {}", values.join(", "));
            let mut query = sqlx::query(&sql).bind(&id);
            for update in rows {
                query = query.bind(&update.account_id).bind(&update.email);
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        self.wake.notify_one();
        let job = self.view(&id).await?.ok_or(sqlx::Error::RowNotFound)?;
        Ok((job, true))
    }

    async fn by_digest(&self, digest: &str) -> Result<Option<JobView>, sqlx::Error> {
        let row = sqlx::query("SELECT id FROM email_jobs WHERE digest = $1")
            .bind(digest)
            .fetch_optional(&self.db.pool)
            .await?;
        match row {
            Some(row) => self.view(&row.try_get::<String, _>(0)?).await,
            None => Ok(None),
        }
    }

    /// The job's progress; `None` for an unknown id.
    pub async fn view(&self, id: &str) -> Result<Option<JobView>, sqlx::Error> {
        let Some(job) = sqlx::query("SELECT total, created_at, finished_at FROM email_jobs WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.db.pool)
            .await?
        else {
            return Ok(None);
        };
        let counts = sqlx::query("SELECT status, COUNT(*) FROM email_job_items WHERE job_id = $1 GROUP BY status")
            .bind(id)
            .fetch_all(&self.db.pool)
            .await?;
        let mut view = JobView {
            id: id.to_owned(),
            status: "running",
            total: job.try_get(0)?,
            updated: 0,
            failed: 0,
            pending: 0,
            created_at: job.try_get(1)?,
            finished_at: job.try_get(2)?,
        };
        for row in counts {
            let count: i64 = row.try_get(1)?;
            match row.try_get::<String, _>(0)?.as_str() {
                "updated" => view.updated = count,
                "failed" => view.failed = count,
                _ => view.pending += count,
            }
        }
        if view.finished_at.is_some() {
            view.status = "done";
        }
        Ok(Some(view))
    }

    /// Every item of the job, by account.
    pub async fn results(&self, id: &str) -> Result<Vec<ItemResult>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT account_id, email, status, error FROM email_job_items WHERE job_id = $1 ORDER BY account_id",
        )
        .bind(id)
        .fetch_all(&self.db.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ItemResult {
                    account_id: row.try_get(0)?,
                    email: row.try_get(1)?,
                    status: row.try_get(2)?,
                    error: row.try_get(3)?,
                })
            })
            .collect()
    }

    /// Up to `limit` pending items nobody holds, now held by this instance for `hold_seconds`.
    pub async fn claim(&self, instance: &str, limit: i64, hold_seconds: i64) -> Result<Vec<Claimed>, sqlx::Error> {
        let now = self.db.now_sql();
        let skip_locked = self.db.skip_locked();
        // The pick is a CTE, materialised: as an `IN (SELECT ... LIMIT)` PostgreSQL may run the
        // subquery again per row, and with SKIP LOCKED each run picks other rows (all of them,
        // in the end). The outer conditions hold the claim to rows still claimable.
        let sql = format!(
            "WITH picked AS MATERIALIZED (SELECT job_id, account_id FROM email_job_items \
             WHERE status = 'pending' AND claimed_until <= {now} ORDER BY job_id, account_id LIMIT $2{skip_locked}) \
             UPDATE email_job_items SET claimed_until = {now} + $1, claimed_by = $3, attempts = attempts + 1 \
             WHERE (job_id, account_id) IN (SELECT job_id, account_id FROM picked) \
             AND status = 'pending' AND claimed_until <= {now} \
             RETURNING job_id, account_id, email, attempts"
        );
        let rows = sqlx::query(&sql).bind(hold_seconds).bind(limit).bind(instance).fetch_all(&self.db.pool).await?;
        rows.iter()
            .map(|row| {
                Ok(Claimed {
                    job_id: row.try_get(0)?,
                    account_id: row.try_get(1)?,
                    email: row.try_get(2)?,
                    attempts: row.try_get(3)?,
                })
            })
            .collect()
    }

    /// The item's final outcome (`updated` or `failed`), if `instance` still holds it (a claim
    /// that expired meanwhile is another instance's to record).
    pub async fn finish(
        &self,
        instance: &str,
        item: &Claimed,
        status: &str,
        error: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE email_job_items SET status = $1, error = $2, claimed_until = 0, claimed_by = NULL \
             WHERE job_id = $3 AND account_id = $4 AND status = 'pending' AND claimed_by = $5",
        )
        .bind(status)
        .bind(error)
        .bind(&item.job_id)
        .bind(&item.account_id)
        .bind(instance)
        .execute(&self.db.pool)
        .await?;
        Ok(())
    }

    /// Gives the item back to be taken again in `after_seconds`; a rate-limited call does not
    /// count as an attempt.
    pub async fn release(
        &self,
        instance: &str,
        item: &Claimed,
        after_seconds: i64,
        count_attempt: bool,
    ) -> Result<(), sqlx::Error> {
        let now = self.db.now_sql();
        let attempts = if count_attempt { "attempts" } else { "attempts - 1" };
        let sql = format!(
            "UPDATE email_job_items SET claimed_until = {now} + $1, claimed_by = NULL, attempts = {attempts} \
             WHERE job_id = $2 AND account_id = $3 AND status = 'pending' AND claimed_by = $4"
        );
        sqlx::query(&sql)
            .bind(after_seconds)
            .bind(&item.job_id)
            .bind(&item.account_id)
            .bind(instance)
            .execute(&self.db.pool)
            .await?;
        Ok(())
    }

    /// Gives back every claim `instance` holds (it is shutting down cleanly).
    pub async fn release_all(&self, instance: &str) -> Result<u64, sqlx::Error> {
        let released = sqlx::query(
            "UPDATE email_job_items SET claimed_until = 0, claimed_by = NULL WHERE status = 'pending' AND claimed_by = $1",
        )
        .bind(instance)
        .execute(&self.db.pool)
        .await?;
        Ok(released.rows_affected())
    }

    /// Marks done every unfinished job with nothing pending (an idle worker's round, for a job
    /// whose last items were recorded by an instance that stopped before marking it).
    pub async fn complete_unfinished(&self) -> Result<u64, sqlx::Error> {
        let now = self.db.now_sql();
        let sql = format!(
            "UPDATE email_jobs SET finished_at = {now} WHERE finished_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM email_job_items WHERE job_id = email_jobs.id AND status = 'pending')"
        );
        Ok(sqlx::query(&sql).execute(&self.db.pool).await?.rows_affected())
    }

    /// Marks the job done once no item is pending: true for the one call that does it.
    pub async fn complete_if_done(&self, job_id: &str) -> Result<bool, sqlx::Error> {
        let now = self.db.now_sql();
        let sql = format!(
            "UPDATE email_jobs SET finished_at = {now} WHERE id = $1 AND finished_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM email_job_items WHERE job_id = $1 AND status = 'pending')"
        );
        let done = sqlx::query(&sql).bind(job_id).execute(&self.db.pool).await?;
        Ok(done.rows_affected() == 1)
    }
}

/// `emailjob_`, the time in milliseconds as 12 hex digits (ids sort as jobs were made), and 8
/// random characters.
fn new_job_id() -> String {
    use rand::Rng;
    use rand::distr::Alphanumeric;
    let millis = chrono::Utc::now().timestamp_millis();
    let random: String = rand::rng().sample_iter(&Alphanumeric).take(8).map(char::from).collect();
    format!("emailjob_{millis:012x}{random}")
}

/// SHA-256 of the updates (sorted by account), as hex.
fn digest(updates: &[NewEmail]) -> String {
    let mut hash = Sha256::new();
    for update in updates {
        hash.update(update.account_id.as_bytes());
        hash.update([0]);
        hash.update(update.email.as_bytes());
        hash.update([0]);
    }
    hex::encode(hash.finalize())
}
