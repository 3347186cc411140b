//! Councils' local offers.

use std::sync::Arc;

use pathway_model::offer::OfferItem;
use serde_json::value::RawValue;

use super::Db;
use crate::error::ApiError;

/// Whose offer a signed-in person reads (their council, at which revision)
/// and what eligibility needs about them: one query for `GET /offer`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Reader {
    pub council_id: String,
    pub council_name: String,
    pub sample_data: i64,
    pub offer_revision: i64,
    pub date_of_birth: Option<String>,
    pub legal_status: Option<String>,
    pub circumstances: String,
}

pub async fn reader(db: &Db, person_id: &str) -> sqlx::Result<Option<Reader>> {
    sqlx::query_as(
        "SELECT c.id AS council_id, c.name AS council_name, c.sample_data, c.offer_revision,
                p.date_of_birth, p.legal_status, p.circumstances
         FROM people p JOIN councils c ON c.id = p.council_id WHERE p.id = $1",
    )
    .bind(person_id)
    .fetch_optional(db.pool())
    .await
}

/// A council's items as one JSON array, from memory when what is kept is of
/// `revision` (see `offer_cache`), else from the database.
pub async fn items_json(db: &Db, council_id: &str, revision: i64) -> Result<Arc<RawValue>, ApiError> {
    if let Some(kept) = db.offers().get(council_id, revision) {
        return Ok(kept);
    }
    // Through the typed items, not the stored text as it is: an item stored
    // by an older build is sent as this build's OfferItem says.
    let json = serde_json::to_string(&items(db, council_id).await?).map_err(|e| ApiError::Internal(e.to_string()))?;
    let items: Arc<RawValue> =
        RawValue::from_string(json).map_err(|e| ApiError::Internal(format!("offer items: {e}")))?.into();
    db.offers().put(council_id, revision, items.clone());
    Ok(items)
}

pub async fn items(db: &Db, council_id: &str) -> Result<Vec<OfferItem>, ApiError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT data FROM offer_items WHERE council_id = $1 ORDER BY position")
        .bind(council_id)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter()
        .map(|(json,)| serde_json::from_str(&json).map_err(|e| ApiError::Internal(format!("offer item: {e}"))))
        .collect()
}

/// Replaces a council's whole offer in one transaction: readers see the old
/// offer or the new one, never half of each.
pub async fn replace(db: &Db, council_id: &str, items: &[OfferItem]) -> Result<(), ApiError> {
    let mut tx = db.writer().begin().await?;
    // First, so two imports of one council queue on the row lock (PostgreSQL)
    // and the new revision commits with the new items or not at all.
    sqlx::query("UPDATE councils SET offer_revision = offer_revision + 1 WHERE id = $1")
        .bind(council_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM offer_items WHERE council_id = $1").bind(council_id).execute(&mut *tx).await?;
    for (position, item) in items.iter().enumerate() {
        let data = serde_json::to_string(item).map_err(|e| ApiError::Internal(e.to_string()))?;
        sqlx::query(
            "INSERT INTO offer_items (council_id, id, position, category, title, data) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(council_id)
        .bind(&item.id)
        .bind(position as i64)
        .bind(item.category.as_str())
        .bind(&item.title)
        .bind(data)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn count(db: &Db, council_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM offer_items WHERE council_id = $1")
        .bind(council_id)
        .fetch_one(db.pool())
        .await
}
