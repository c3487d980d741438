//! A lease in the database: background work that one instance at a time should do (the
//! housekeeping sweeps) runs on the instance holding its lease. The holder renews it on each
//! round; an instance that dies (SIGKILL, a lost host) stops renewing, and after `ttl` another
//! instance takes it over. One SQL statement (an upsert whose update only happens when the
//! row is ours or expired) decides, atomically, on SQLite and PostgreSQL alike; the database's
//! clock decides what is expired, so the hosts' clocks need not agree.
//!
//! A lease is an optimisation, not the safety: a holder stalled past its `ttl` may still finish
//! a round while the next holder starts one, so the work it guards must be safe to run twice
//! (each sweep is one idempotent statement).

use std::time::Duration;

use crate::db::Db;

#[derive(Clone, Debug)]
pub struct Lease {
    db: Db,
    name: &'static str,
    /// This instance (see [`instance_id`]).
    holder: String,
    ttl: Duration,
}

impl Lease {
    pub fn new(db: Db, name: &'static str, holder: &str, ttl: Duration) -> Self {
        Self { db, name, holder: holder.to_owned(), ttl }
    }

    /// Takes the lease, or renews it if it is ours; false while another instance holds it.
    pub async fn hold(&self) -> Result<bool, sqlx::Error> {
        let now = self.db.now_sql();
        let sql = format!(
            "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, {now} + $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
             WHERE leases.holder = excluded.holder OR leases.expires_at <= {now}"
        );
        let taken = sqlx::query(&sql)
            .bind(self.name)
            .bind(&self.holder)
            .bind(self.ttl.as_secs() as i64)
            .execute(&self.db.pool)
            .await?;
        Ok(taken.rows_affected() == 1)
    }

    /// Gives the lease up (a clean shutdown), so another instance takes it at once.
    pub async fn release(&self) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE leases SET expires_at = 0 WHERE name = $1 AND holder = $2")
            .bind(self.name)
            .bind(&self.holder)
            .execute(&self.db.pool)
            .await
            .map(drop)
    }
}

/// This process among the instances sharing the database: the host (`HOSTNAME`, as containers
/// set it), the process id and a random part, for leases and for telling instances apart in
/// `/readyz`.
pub fn instance_id() -> String {
    use rand::Rng;
    use rand::distr::Alphanumeric;
    let random: String = rand::rng().sample_iter(&Alphanumeric).take(8).map(char::from).collect();
    let host = std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty() && h.len() <= 64);
    match host {
        Some(host) => format!("{host}-{}-{random}", std::process::id()),
        None => format!("{}-{random}", std::process::id()),
    }
}
