//! Group commit for the audit rows of reads. A PA's pull writes one row per
//! young person whose records it carries, and must not answer before they
//! have committed. At 200 connections, one commit (one fsync on SQLite) per
//! pull made PA pulls queue behind each other for the writer. Here each
//! request hands its rows to one task and waits; the task writes everything
//! that arrived while the last commit was in flight in one transaction, then
//! tells each request how it went. Same rows, same guarantee (no answer
//! before its trace is on disk), far fewer commits.

use std::fmt::Write;
use std::sync::Arc;

use sqlx::{AnyConnection, AnyPool, AssertSqlSafe};
use thiserror::Error;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::audit::AuditAction;
use super::now_ms;

/// One row of the audit trail.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub actor: Uuid,
    pub subject: Uuid,
    pub action: AuditAction,
    /// Kinds of record and other fixed words, never personal words
    /// (`words::kinds_detail`).
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Error)]
pub enum AuditWriteError {
    #[error("writing the audit trail failed: {0}")]
    Database(Arc<sqlx::Error>),
    #[error("the audit writer has stopped")]
    Stopped,
}

/// Requests' rows in one transaction at most: a bound on how long one
/// commit keeps the writer from pushes.
const MOST_PER_COMMIT: usize = 256;

struct Job {
    events: Vec<AuditEvent>,
    done: oneshot::Sender<Result<(), AuditWriteError>>,
}

#[derive(Clone)]
pub struct AuditQueue {
    jobs: mpsc::UnboundedSender<Job>,
}

impl AuditQueue {
    /// Starts the task that writes through `writer`. It ends when the last
    /// `AuditQueue` is dropped.
    pub fn start(writer: AnyPool) -> AuditQueue {
        let (jobs, rx) = mpsc::unbounded_channel();
        tokio::spawn(run(writer, rx));
        AuditQueue { jobs }
    }

    /// Returns once `events` have committed (or failed to).
    /// One row per young person a list showed (`subjects`), with no detail:
    /// the caseload, a manager's young people, the oversight.
    pub async fn listed(
        &self,
        actor: Uuid,
        subjects: impl IntoIterator<Item = Uuid>,
        action: AuditAction,
    ) -> Result<(), AuditWriteError> {
        let events = subjects.into_iter().map(|subject| AuditEvent { actor, subject, action, detail: None }).collect();
        self.write(events).await
    }

    pub async fn write(&self, events: Vec<AuditEvent>) -> Result<(), AuditWriteError> {
        if events.is_empty() {
            return Ok(());
        }
        let (done, answer) = oneshot::channel();
        self.jobs.send(Job { events, done }).map_err(|_| AuditWriteError::Stopped)?;
        answer.await.map_err(|_| AuditWriteError::Stopped)?
    }
}

async fn run(writer: AnyPool, mut rx: mpsc::UnboundedReceiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        let mut rows = jobs[0].events.len();
        while rows < MOST_PER_COMMIT {
            let Ok(job) = rx.try_recv() else { break };
            rows += job.events.len();
            jobs.push(job);
        }
        let result = commit(&writer, &jobs).await.map_err(|e| AuditWriteError::Database(Arc::new(e)));
        for job in jobs {
            // A request that gave up waiting needs no answer.
            let _ = job.done.send(result.clone());
        }
    }
}

/// Rows per INSERT: 6 parameters each, well inside SQLite's 32,766 and
/// PostgreSQL's 65,535 parameters per statement.
const ROWS_PER_STATEMENT: usize = 500;

async fn commit(writer: &AnyPool, jobs: &[Job]) -> sqlx::Result<()> {
    let events: Vec<&AuditEvent> = jobs.iter().flat_map(|j| &j.events).collect();
    let at = now_ms();
    if events.len() <= ROWS_PER_STATEMENT {
        // One statement is its own transaction: all rows or none, one
        // commit, and one round trip to the database instead of one per row
        // (each of which waited for a core while reads kept both busy).
        return insert(&mut *writer.acquire().await?, &events, at).await;
    }
    let mut tx = writer.begin().await?;
    for chunk in events.chunks(ROWS_PER_STATEMENT) {
        insert(&mut tx, chunk, at).await?;
    }
    tx.commit().await
}

async fn insert(conn: &mut AnyConnection, events: &[&AuditEvent], at: i64) -> sqlx::Result<()> {
    let mut sql = String::from("INSERT INTO audit_events (id, at, actor_id, subject_id, action, detail) VALUES ");
    for i in 0..events.len() {
        let n = i * 6;
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(sql, "{sep}(${}, ${}, ${}, ${}, ${}, ${})", n + 1, n + 2, n + 3, n + 4, n + 5, n + 6);
    }
    // Only placeholders are built here; every value is bound.
    let mut query = sqlx::query(AssertSqlSafe(sql));
    for e in events {
        query = query
            .bind(Uuid::now_v7().to_string())
            .bind(at)
            .bind(e.actor.to_string())
            .bind(e.subject.to_string())
            .bind(e.action.as_str())
            .bind(e.detail.as_deref());
    }
    query.execute(conn).await?;
    Ok(())
}
