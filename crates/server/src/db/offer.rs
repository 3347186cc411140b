//! Councils' local offers.

use pathway_model::offer::OfferItem;

use super::Db;
use crate::error::ApiError;

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
