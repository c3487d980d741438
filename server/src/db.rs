//! The database: SQLite (a file, WAL mode, one writer) by default, PostgreSQL for deployments
//! with several instances; the same SQL and migrations for both, through sqlx's Any driver.

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor, Row};

/// The schema, as this binary expects it (`server/migrations`, compiled in).
static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

impl Db {
    /// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://...`) and runs the migrations.
    pub async fn connect(url: &str) -> Result<Self, String> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(format!("unsupported database URL {url:?}: use sqlite://... or postgres://..."));
        };
        let options = match backend {
            // One connection: SQLite has one writer anyway, and this keeps every transaction
            // free of lock upgrades. WAL lets the file be read while it is written.
            Backend::Sqlite => AnyPoolOptions::new().max_connections(1).after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    Ok(())
                })
            }),
            Backend::Postgres => AnyPoolOptions::new().max_connections(8),
        };
        let pool = options.connect(url).await.map_err(|e| format!("cannot open the database {}: {e}", redact(url)))?;
        // Several instances starting at once is safe: on PostgreSQL sqlx migrates under an
        // advisory lock, so one applies the migrations and the others find them applied.
        MIGRATOR.run(&pool).await.map_err(|e| format!("database migration failed: {e}"))?;
        Ok(Self { pool, backend })
    }

    /// `FOR UPDATE` where the database has it (PostgreSQL): the row stays locked until commit,
    /// so two instances cannot both read an order and overwrite each other's change.
    pub fn for_update(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        }
    }

    /// `FOR UPDATE SKIP LOCKED` where the database has it (PostgreSQL): a pick of work rows
    /// passes over those another instance is taking, instead of waiting for them. SQLite has
    /// one writer, so its picks never meet.
    pub fn skip_locked(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        }
    }
}

impl Db {
    /// The database answers a query.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(drop)
    }

    /// The versions of this binary's migrations that the database has not applied (or whose
    /// run failed): empty when the schema is the one the code expects.
    pub async fn missing_migrations(&self) -> Result<Vec<i64>, sqlx::Error> {
        let rows =
            sqlx::query("SELECT version FROM _sqlx_migrations WHERE success = TRUE").fetch_all(&self.pool).await?;
        let applied: Vec<i64> = rows.iter().map(|row| row.try_get(0)).collect::<Result<_, _>>()?;
        Ok(MIGRATOR
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
            .map(|m| m.version)
            .filter(|v| !applied.contains(v))
            .collect())
    }

    /// The database's clock in unix seconds, as SQL: the one clock every instance shares (for
    /// leases), whatever each host's own clock says.
    pub fn now_sql(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)",
            Backend::Sqlite => "CAST(strftime('%s', 'now') AS INTEGER)",
        }
    }
}

/// The URL without a password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_owned(),
    }
}
