//! Everything the service holds about a young person, for her own copy
//! (`GET /me/export`): her records, including those only she sees, and the
//! audit trail about her. Not the secrets of her account.

use super::Db;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecordRow {
    pub id: String,
    pub entity: String,
    /// JSON text.
    pub fields: String,
    pub visible_to_pa: i64,
    pub created_at: Option<i64>,
    pub updated_at: i64,
}

/// Every record she owns that is not deleted, oldest first within a kind.
pub async fn records(db: &Db, owner_id: &str) -> sqlx::Result<Vec<RecordRow>> {
    sqlx::query_as(
        "SELECT id, entity, fields, visible_to_pa, created_at, updated_at FROM sync_records
         WHERE owner_id = $1 AND deleted = 0 ORDER BY entity, COALESCE(created_at, updated_at), id",
    )
    .bind(owner_id)
    .fetch_all(db.pool())
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditEntry {
    pub at: i64,
    pub action: String,
    pub detail: Option<String>,
    pub actor_id: String,
    pub actor_first_name: String,
    pub actor_last_name: String,
    pub actor_role: String,
}

/// The audit trail about her, oldest first, with who did each thing.
pub async fn audit_trail(db: &Db, subject_id: &str) -> sqlx::Result<Vec<AuditEntry>> {
    sqlx::query_as(
        "SELECT a.at, a.action, a.detail, a.actor_id, p.first_name AS actor_first_name,
                p.last_name AS actor_last_name, p.role AS actor_role
         FROM audit_events a JOIN people p ON p.id = a.actor_id
         WHERE a.subject_id = $1 ORDER BY a.at, a.id",
    )
    .bind(subject_id)
    .fetch_all(db.pool())
    .await
}

/// When she joined and last set her passphrase.
pub async fn account_times(db: &Db, id: &str) -> sqlx::Result<Option<(i64, Option<i64>)>> {
    sqlx::query_as("SELECT created_at, passphrase_set_at FROM people WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await
}
