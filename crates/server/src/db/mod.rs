//! The storage layer: the one place that knows SQL.
//!
//! Each query is written once and runs on both SQLite and PostgreSQL through
//! sqlx's `Any` driver. That works because both accept `$1`-style numbered
//! parameters (sqlx binds SQLite's `$N` by number), and because we keep to
//! types both map the same way: TEXT, BIGINT and NULL. Booleans are stored as
//! BIGINT 0/1 and times as Unix milliseconds for the same reason.
//! See docs/decisions/0002-one-query-two-databases.md.

pub mod accounts;
pub mod audit;
pub mod audit_queue;
pub mod auth_sessions;
pub mod codes;
pub mod council_inbox;
pub mod councils;
pub mod device_lock;
pub mod export;
pub mod health;
pub mod meeting;
pub mod moves;
pub mod offer;
pub mod offer_cache;
pub mod offer_drafts;
pub mod offer_history;
pub mod people;
pub mod second_factor;
pub mod share_links;
pub mod sign_in;
pub mod sign_in_limits;
pub mod staff;
pub mod sync;
pub mod sync_limits;

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Error)]
pub enum DbError {
    #[error("DATABASE_URL must start with sqlite: or postgres:, got {0:?}")]
    UnsupportedUrl(String),
    #[error("could not create the data folder {path}: {source}")]
    DataDir { path: String, source: std::io::Error },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Two handles on one database. On SQLite, `writer` is a pool of exactly
/// one connection: SQLite lets one writer in at a time, and a second
/// connection that tries to write sleeps in its busy handler (1, 2, 5, 10 …
/// 100 ms steps), which put p99 of concurrent pushes past 160 ms. With one
/// writer connection, writes queue in the pool's fair in-process queue and
/// each starts the moment the last one commits. On PostgreSQL the row lock
/// on the change counter already queues writers, so both are the same pool.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    writer: AnyPool,
    backend: Backend,
    offers: Arc<offer_cache::OfferCache>,
    audits: audit_queue::AuditQueue,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Db {
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(DbError::UnsupportedUrl(url.to_string()));
        };
        if backend == Backend::Sqlite {
            ensure_sqlite_folder(url)?;
        }
        let options = AnyConnectOptions::from_str(url)?;
        let pool = pool_options(backend, if backend == Backend::Sqlite { READERS } else { 10 })
            .connect_with(options.clone())
            .await?;
        let writer = match backend {
            Backend::Sqlite => pool_options(backend, 1).connect_with(options).await?,
            Backend::Postgres => pool.clone(),
        };
        let audits = audit_queue::AuditQueue::start(writer.clone());
        Ok(Db { pool, writer, backend, offers: Arc::default(), audits })
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.writer).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.writer).await?,
        }
        // What a migration could not fill in SQL (0013).
        offer::fill_search(self).await?;
        Ok(())
    }

    /// For reads. A write here is still correct (SQLite's busy timeout makes
    /// it wait), only slower: it contends with `writer` instead of queueing.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// For every statement that writes, and every transaction that does.
    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// Where reads leave their audit rows (see `audit_queue`).
    pub fn audits(&self) -> &audit_queue::AuditQueue {
        &self.audits
    }

    pub(crate) fn offers(&self) -> &offer_cache::OfferCache {
        &self.offers
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
    }
}

/// SQLite readers. WAL lets them all read beside the writer; each is a
/// thread of sqlx's, so on a 2-core machine more only adds hand-offs.
const READERS: u32 = 4;

fn pool_options(backend: Backend, max_connections: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max_connections)
        // sqlx pings an idle connection before lending it. For a SQLite file
        // there is no far end to lose, and the ping is a round trip to the
        // connection's worker thread: as much as a small query.
        .test_before_acquire(backend == Backend::Postgres)
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // WAL lets readers run beside the one writer; FULL
                    // makes a commit durable before we answer; the busy
                    // timeout makes a writer from another process (the
                    // import command) wait, not fail.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = FULL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                }
                Ok(())
            })
        })
}

/// SQLite creates the file but not its folder; `var/` is git-ignored.
fn ensure_sqlite_folder(url: &str) -> Result<(), DbError> {
    let path = url.trim_start_matches("sqlite:").trim_start_matches("//").split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)
                .map_err(|source| DbError::DataDir { path: parent.display().to_string(), source })?;
        }
    }
    Ok(())
}

/// Milliseconds since the Unix epoch: how every timestamp is stored.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
