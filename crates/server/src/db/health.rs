//! A young person's health entries, read for her passport (the FHIR export
//! and a share link). Typed with the model's `HealthEntry`: an entry whose
//! fields no longer read as one is left out rather than failing the page.

use pathway_model::health::HealthEntry;
use pathway_model::sync::EntityKind;
use uuid::Uuid;

use super::Db;

/// Every live health entry of hers, oldest first, with its record id.
pub async fn entries(db: &Db, owner: Uuid) -> sqlx::Result<Vec<(Uuid, HealthEntry)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, fields FROM sync_records WHERE owner_id = $1 AND entity = $2 AND deleted = 0
         ORDER BY COALESCE(created_at, updated_at), id",
    )
    .bind(owner.to_string())
    .bind(EntityKind::HealthEntry.as_str())
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, fields)| {
            let id = Uuid::parse_str(&id).ok()?;
            let fields = serde_json::from_str(&fields).ok()?;
            Some((id, HealthEntry::from_fields(&fields)?))
        })
        .collect())
}
