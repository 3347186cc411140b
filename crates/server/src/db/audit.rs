//! The audit trail: every time staff read or change a young person's record.
//! Written in the same transaction (or the same request, for reads) as the
//! access it records, so there is no access without a trace.

use sqlx::AnyConnection;
use uuid::Uuid;

use super::now_ms;

/// What a staff member did, in words a young person will later read in
/// "who looked at my record".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    ViewedOverview,
    /// A PA's device received changed records of this young person.
    SyncedRecords,
    /// A PA changed one of this young person's records.
    ChangedRecord,
    /// A manager's inbox listed this young person's request or alert.
    ViewedRequests,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::ViewedOverview => "viewed_overview",
            AuditAction::SyncedRecords => "synced_records",
            AuditAction::ChangedRecord => "changed_record",
            AuditAction::ViewedRequests => "viewed_requests",
        }
    }
}

pub async fn record(conn: &mut AnyConnection, actor: Uuid, subject: Uuid, action: AuditAction) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO audit_events (id, at, actor_id, subject_id, action) VALUES ($1, $2, $3, $4, $5)")
        .bind(Uuid::now_v7().to_string())
        .bind(now_ms())
        .bind(actor.to_string())
        .bind(subject.to_string())
        .bind(action.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub actor_id: String,
    pub subject_id: String,
    pub action: String,
}

pub async fn for_subject(db: &super::Db, subject: Uuid) -> sqlx::Result<Vec<AuditRow>> {
    sqlx::query_as("SELECT actor_id, subject_id, action FROM audit_events WHERE subject_id = $1 ORDER BY at")
        .bind(subject.to_string())
        .fetch_all(db.pool())
        .await
}
