//! `pathway-server backup --to FILE`: a copy of a SQLite database taken
//! while the server runs (README "Backups").
//!
//! `VACUUM INTO` writes a consistent snapshot: it reads inside one read
//! transaction, and with WAL the server's writer carries on beside it, so
//! nobody waits and the copy holds every change committed before it began
//! and none after. The copy is then made self-contained (one file, no WAL)
//! and its sessions are removed (see `forget_sessions`), and SQLite's own
//! integrity check runs on it before we say it is good.
//!
//! PostgreSQL has its own tool for this, `pg_dump --format=custom`, which
//! also reads one snapshot while the replicas write; this command says so
//! rather than wrapping it, so the documented command is the one that runs.

use std::path::{Path, PathBuf};

use sqlx::{AnyConnection, Connection, Executor};
use thiserror::Error;

use pathway_server::db::{Backend, Db};

#[derive(Debug, Error)]
pub enum BackupError {
    #[error(
        "on PostgreSQL, back up with pg_dump: pg_dump --format=custom --exclude-table-data=auth_sessions \
         --file FILE \"$DATABASE_URL\" (README, Backups)"
    )]
    Postgres,
    #[error("{0} already exists: a backup never overwrites a file")]
    Exists(PathBuf),
    #[error("the backup file's path is not UTF-8: {0}")]
    Path(PathBuf),
    #[error("the copy failed its integrity check: {0}")]
    Damaged(String),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
}

/// What was copied, to print.
#[derive(Debug)]
pub struct Copied {
    pub bytes: u64,
    pub tables: usize,
}

/// Copies the database behind `db` to `to`, a new file.
pub async fn sqlite(db: &Db, to: &Path) -> Result<Copied, BackupError> {
    if db.backend() == Backend::Postgres {
        return Err(BackupError::Postgres);
    }
    if to.exists() {
        return Err(BackupError::Exists(to.to_path_buf()));
    }
    let path = to.to_str().ok_or_else(|| BackupError::Path(to.to_path_buf()))?;
    // The one statement that takes a file name: quoted as an SQL string.
    let vacuum = format!("VACUUM INTO '{}'", path.replace('\'', "''"));
    // A reader connection: VACUUM INTO only reads the source.
    db.pool().execute(sqlx::AssertSqlSafe(vacuum)).await?;

    let mut copy = AnyConnection::connect(&format!("sqlite://{path}")).await?;
    let checked = finish_copy(&mut copy).await;
    copy.close().await?;
    let tables = checked?;
    Ok(Copied { bytes: std::fs::metadata(to).map(|m| m.len()).unwrap_or(0), tables })
}

/// One file (rollback journal, so no -wal beside it), no sessions, and
/// SQLite's integrity check passed. The number of tables.
async fn finish_copy(copy: &mut AnyConnection) -> Result<usize, BackupError> {
    copy.execute("PRAGMA journal_mode = DELETE").await?;
    forget_sessions(copy).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut *copy).await?;
    if verdict != "ok" {
        return Err(BackupError::Damaged(verdict));
    }
    let tables: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .fetch_one(&mut *copy)
            .await?;
    Ok(tables as usize)
}

/// A backup holds no sessions. Restoring one must not bring back a session
/// ended since (a lost phone signed out from another device), and a copy
/// that leaves the server should carry nothing that admits anyone; after a
/// restore everyone signs in again. `secure_delete` overwrites the rows'
/// bytes rather than leaving them on free pages.
async fn forget_sessions(copy: &mut AnyConnection) -> Result<(), BackupError> {
    let has_sessions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'auth_sessions'")
            .fetch_one(&mut *copy)
            .await?;
    // A database never migrated (an empty file) has no sessions to forget.
    if has_sessions > 0 {
        copy.execute("PRAGMA secure_delete = ON").await?;
        copy.execute("DELETE FROM auth_sessions").await?;
    }
    Ok(())
}
