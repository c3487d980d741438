//! The data export: charges, subscriptions, refunds, balance transactions, customers and prices
//! from Stripe's list APIs into Parquet files partitioned by day,
//! `DIR/<resource>/date=YYYY-MM-DD/part-<from>-<until>.parquet` (Hive-style: DuckDB, Spark,
//! Trino and BigQuery read the folders as a `date` column), with the schema of `schema.rs`.
//!
//! Incremental and resumable: each resource keeps a cursor on `created` in
//! `DIR/_export_state.json`. A run takes the window `[cursor, now)`, records it before fetching,
//! writes each day's file whole (renamed into place), and only then moves the cursor to the
//! window's end. A second run fetches only what was created since; a run that stopped midway
//! (a crash, Stripe unreachable) is resumed with the same window, whose files have the same
//! names and are written again: nothing is exported twice or lost. Objects are exported as they
//! are when fetched (a charge refunded later keeps its `amount_refunded` of then; the refund
//! itself is exported in `refunds`).
//!
//! `checkout-server export --out DIR` runs it once; with `CHECKOUT_EXPORT_DIR` the server runs
//! it every `CHECKOUT_EXPORT_INTERVAL_MINUTES` (off by default), on one instance at a time.

mod files;
mod lister;
pub mod schema;

pub use files::state_path;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use files::DayBatch;
use lister::Lister;
use schema::{Listing, Resource};

/// What the export needs of the server's environment: the secret key and where Stripe is.
#[derive(Clone)]
pub struct ExportConfig {
    pub secret_key: String,
    /// `None`: api.stripe.com.
    pub api_base: Option<String>,
    pub timeout: Duration,
}

impl std::fmt::Debug for ExportConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportConfig").field("secret_key", &"<redacted>").field("api_base", &self.api_base).finish()
    }
}

impl ExportConfig {
    /// `STRIPE_SECRET_KEY` (a secret or restricted key with read access), `STRIPE_API_BASE`,
    /// `STRIPE_TIMEOUT_SECONDS`, as the server reads them; a live key only over https.
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let secret_key = var("STRIPE_SECRET_KEY").ok_or("STRIPE_SECRET_KEY is not set")?;
        if !(secret_key.starts_with("sk_") || secret_key.starts_with("rk_")) {
            return Err("STRIPE_SECRET_KEY must be a secret key (sk_... or rk_...)".into());
        }
        let api_base = var("STRIPE_API_BASE");
        if let Some(base) = &api_base
            && !(base.starts_with("http://") || base.starts_with("https://"))
        {
            return Err(format!("STRIPE_API_BASE={base:?} must be an http(s) URL"));
        }
        let live = secret_key.contains("_live_");
        if live && api_base.as_ref().is_some_and(|b| !b.starts_with("https://")) {
            return Err("a live key must not be sent over http: STRIPE_API_BASE must be https://".into());
        }
        let timeout = match var("STRIPE_TIMEOUT_SECONDS") {
            Some(s) => s.parse().map_err(|_| format!("STRIPE_TIMEOUT_SECONDS={s:?} is not a number of seconds"))?,
            None => 20,
        };
        Ok(Self { secret_key, api_base, timeout: Duration::from_secs(timeout) })
    }

    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }
}

#[derive(Debug)]
pub enum ExportError {
    /// Stripe answered with an error (after the retries), or could not be reached.
    Stripe(String),
    /// The output folder could not be written.
    Files(std::io::Error),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Stripe(message) => write!(f, "Stripe: {message}"),
            Self::Files(err) => write!(f, "writing the export: {err}"),
        }
    }
}

impl From<std::io::Error> for ExportError {
    fn from(err: std::io::Error) -> Self {
        Self::Files(err)
    }
}

/// Where each resource's export stands.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Cursor {
    /// Everything created before this (unix seconds) is exported.
    exported_until: i64,
    /// The window a run started and did not finish: the next run does it again, the same.
    pending_until: Option<i64>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    resources: BTreeMap<String, Cursor>,
}

impl State {
    fn load(dir: &Path) -> Result<Self, ExportError> {
        match std::fs::read(files::state_path(dir)) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                ExportError::Files(std::io::Error::other(format!("{}: {e}", files::state_path(dir).display())))
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(err) => Err(err.into()),
        }
    }

    /// Written beside and renamed into place: the state is the old one or the new one.
    fn save(&self, dir: &Path) -> Result<(), ExportError> {
        let (path, partial) = (files::state_path(dir), dir.join("._export_state.json.partial"));
        std::fs::write(&partial, serde_json::to_vec_pretty(self).unwrap_or_default())?;
        std::fs::rename(partial, path)?;
        Ok(())
    }
}

/// What one resource's run did.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceReport {
    pub resource: &'static str,
    pub from: i64,
    pub until: i64,
    pub objects: u64,
    pub files: u64,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub resources: Vec<ResourceReport>,
    pub requests: u64,
    pub retries: u64,
    pub seconds: f64,
}

/// One export of every resource into `dir`, up to `now` (unix seconds).
pub async fn run(config: &ExportConfig, dir: &Path, now: i64) -> Result<Report, ExportError> {
    let started = Instant::now();
    std::fs::create_dir_all(dir)?;
    let base = config.api_base.as_deref().unwrap_or("https://api.stripe.com");
    let mut lister = Lister::new(base, &config.secret_key, config.timeout)?;
    let mut state = State::load(dir)?;
    let mut resources = Vec::new();
    for resource in schema::RESOURCES {
        resources.push(export_resource(&mut lister, dir, resource, &mut state, now).await?);
    }
    Ok(Report {
        resources,
        requests: lister.requests,
        retries: lister.retries,
        seconds: started.elapsed().as_secs_f64(),
    })
}

async fn export_resource(
    lister: &mut Lister,
    dir: &Path,
    resource: Resource,
    state: &mut State,
    now: i64,
) -> Result<ResourceReport, ExportError> {
    let cursor = state.resources.entry(resource.name.to_owned()).or_default();
    let (from, until) = (cursor.exported_until, cursor.pending_until.unwrap_or(now.max(cursor.exported_until)));
    cursor.pending_until = Some(until);
    state.save(dir)?;
    let mut report = ResourceReport { resource: resource.name, from, until, objects: 0, files: 0, bytes: 0 };
    for listing in resource.listings {
        export_listing(lister, dir, resource, listing, (from, until), &mut report).await?;
    }
    let cursor = state.resources.entry(resource.name.to_owned()).or_default();
    *cursor = Cursor { exported_until: until, pending_until: None };
    state.save(dir)?;
    tracing::info!(resource = resource.name, objects = report.objects, files = report.files, "exported");
    Ok(report)
}

/// One pass of a resource's list over the window into its day files.
async fn export_listing(
    lister: &mut Lister,
    dir: &Path,
    resource: Resource,
    listing: &Listing,
    (from, until): (i64, i64),
    report: &mut ResourceReport,
) -> Result<(), ExportError> {
    let file_name = match listing.tag {
        "" => format!("part-{from}-{until}.parquet"),
        tag => format!("part-{from}-{until}-{tag}.parquet"),
    };
    // Stripe lists newest first: a day is complete once an older one begins, and is written
    // then; only one day is held at a time.
    let mut day: Option<DayBatch> = None;
    let mut starting_after: Option<String> = None;
    loop {
        let page = lister.page(resource.list_path, listing.query, (from, until), starting_after.as_deref()).await?;
        for object in &page.data {
            let today = files::day_of(object["created"].as_i64().unwrap_or_default());
            if day.as_ref().is_none_or(|d| d.day != today) {
                if let Some(done) = day.take() {
                    report.bytes += done.write(dir, &file_name)?;
                    report.files += 1;
                }
                day = Some(DayBatch::new(resource, today));
            }
            if let Some(batch) = day.as_mut() {
                batch.push(object);
            }
            report.objects += 1;
        }
        starting_after = page.data.last().and_then(|o| o["id"].as_str()).map(str::to_owned);
        if !page.has_more || starting_after.is_none() {
            break;
        }
    }
    if let Some(done) = day.take() {
        report.bytes += done.write(dir, &file_name)?;
        report.files += 1;
    }
    Ok(())
}

/// The scheduled export inside the server: `CHECKOUT_EXPORT_DIR`, every
/// `CHECKOUT_EXPORT_INTERVAL_MINUTES` (60); `None` when not configured (the default).
#[derive(Debug, Clone)]
pub struct Schedule {
    pub dir: PathBuf,
    pub every: Duration,
}

impl Schedule {
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Option<Self>, String> {
        let Some(dir) = var("CHECKOUT_EXPORT_DIR") else { return Ok(None) };
        let minutes: u64 = match var("CHECKOUT_EXPORT_INTERVAL_MINUTES") {
            Some(s) => s.parse().ok().filter(|m| *m > 0).ok_or_else(|| {
                format!("CHECKOUT_EXPORT_INTERVAL_MINUTES={s:?} must be a whole number of minutes above 0")
            })?,
            None => 60,
        };
        Ok(Some(Self { dir: PathBuf::from(dir), every: Duration::from_secs(minutes * 60) }))
    }
}

/// Runs the export on `schedule` for as long as the server runs, on the instance holding the
/// export's lease (one writer of the folder at a time). A failed run is logged and the next one
/// resumes it.
pub async fn run_on_schedule(config: ExportConfig, schedule: Schedule, lease: crate::lease::Lease) {
    let mut ticks = tokio::time::interval(schedule.every);
    loop {
        ticks.tick().await;
        match lease.hold().await {
            Ok(true) => {}
            Ok(false) => continue,
            Err(err) => {
                tracing::warn!("export: the lease could not be checked: {err}");
                continue;
            }
        }
        let now = chrono::Utc::now().timestamp();
        match run(&config, &schedule.dir, now).await {
            Ok(report) => tracing::info!(seconds = report.seconds, requests = report.requests, "export done"),
            Err(err) => tracing::error!("export failed (the next run resumes it): {err}"),
        }
    }
}
