//! The offer as a council's managers are editing it: the whole list of
//! items (see `pathway_model::offer::editor`), kept until it is published.

use pathway_model::offer::OfferItem;
use uuid::Uuid;

use super::{Db, now_ms};
use crate::error::ApiError;

fn parse(json: &str) -> Result<Vec<OfferItem>, ApiError> {
    serde_json::from_str(json).map_err(|e| ApiError::Internal(format!("offer draft: {e}")))
}

/// The council's draft, or None when nobody has started one.
pub async fn get(db: &Db, council_id: &str) -> Result<Option<Vec<OfferItem>>, ApiError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT items FROM offer_drafts WHERE council_id = $1")
        .bind(council_id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|(json,)| parse(&json)).transpose()
}

/// Changes the draft with `change`, which gets the draft (the published
/// offer when there is none yet) and the published offer. One transaction,
/// with the draft's row locked first, so two managers editing at once each
/// see the other's change and neither is lost. Returns the draft as saved.
pub async fn edit<F>(db: &Db, council_id: &str, by: Uuid, change: F) -> Result<Vec<OfferItem>, ApiError>
where
    F: FnOnce(&mut Vec<OfferItem>, &[OfferItem]) -> Result<(), ApiError>,
{
    let mut tx = db.writer().begin().await?;
    let now = now_ms();
    // An empty `items` marks a draft just begun: it starts as the published offer.
    sqlx::query(
        "INSERT INTO offer_drafts (council_id, items, updated_at, updated_by) VALUES ($1, '', $2, $3)
         ON CONFLICT (council_id) DO NOTHING",
    )
    .bind(council_id)
    .bind(now)
    .bind(by.to_string())
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE offer_drafts SET updated_at = $2, updated_by = $3 WHERE council_id = $1")
        .bind(council_id)
        .bind(now)
        .bind(by.to_string())
        .execute(&mut *tx)
        .await?;
    let (stored,): (String,) = sqlx::query_as("SELECT items FROM offer_drafts WHERE council_id = $1")
        .bind(council_id)
        .fetch_one(&mut *tx)
        .await?;
    let published: Vec<(String,)> =
        sqlx::query_as("SELECT data FROM offer_items WHERE council_id = $1 ORDER BY position")
            .bind(council_id)
            .fetch_all(&mut *tx)
            .await?;
    let published = published
        .iter()
        .map(|(json,)| serde_json::from_str(json).map_err(|e| ApiError::Internal(format!("offer item: {e}"))))
        .collect::<Result<Vec<OfferItem>, _>>()?;
    let mut draft = if stored.is_empty() { published.clone() } else { parse(&stored)? };
    change(&mut draft, &published)?;
    let json = serde_json::to_string(&draft).map_err(|e| ApiError::Internal(e.to_string()))?;
    sqlx::query("UPDATE offer_drafts SET items = $2 WHERE council_id = $1")
        .bind(council_id)
        .bind(json)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(draft)
}

/// Throws the council's draft away: the editor shows the published offer again.
pub async fn discard(db: &Db, council_id: &str) -> Result<(), ApiError> {
    sqlx::query("DELETE FROM offer_drafts WHERE council_id = $1").bind(council_id).execute(db.writer()).await?;
    Ok(())
}
