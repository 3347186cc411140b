//! Everything the service holds about a young person, for her own copy
//! (`GET /me/export`): her records, including those only she sees, and the
//! audit trail about her (`audit::trail`). Not the secrets of her account.

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

/// When she joined and last set her passphrase.
pub async fn account_times(db: &Db, id: &str) -> sqlx::Result<Option<(i64, Option<i64>)>> {
    sqlx::query_as("SELECT created_at, passphrase_set_at FROM people WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await
}
