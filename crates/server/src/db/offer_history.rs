//! What happened to a council's offer over time: one line per item each
//! time an offer is published (`offer_history`), and the items no longer
//! offered (`offer_retired`), which a young person's tracker still shows.

use pathway_model::offer::OfferItem;
use pathway_model::offer::editor::{HistoryChange, HistoryEntry, ItemField, OfferChanges};
use uuid::Uuid;

use super::sync::Tx;
use super::{Db, now_ms};
use crate::error::ApiError;

/// How many history lines one answer carries: a few years of edits.
pub const HISTORY_LIMIT: i64 = 500;

/// Writes the history of one publish and keeps the retired titles, inside
/// the publish's own transaction. An item that comes back is no longer
/// "retired".
pub async fn note(tx: &mut Tx, council_id: &str, changes: &OfferChanges, by: &str) -> Result<(), ApiError> {
    let at = now_ms();
    let lines = changes
        .added
        .iter()
        .map(|i| (i, HistoryChange::Added, &[][..]))
        .chain(changes.changed.iter().map(|(i, f)| (i, HistoryChange::Changed, f.as_slice())))
        .chain(changes.retired.iter().map(|i| (i, HistoryChange::Retired, &[][..])));
    for (item, change, fields) in lines {
        let fields = serde_json::to_string(fields).map_err(|e| ApiError::Internal(e.to_string()))?;
        sqlx::query(
            "INSERT INTO offer_history (id, council_id, at, by_name, item_id, title, change, fields)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(council_id)
        .bind(at)
        .bind(by)
        .bind(&item.id)
        .bind(&item.title)
        .bind(change_word(change))
        .bind(fields)
        .execute(&mut **tx)
        .await?;
    }
    for item in &changes.added {
        sqlx::query("DELETE FROM offer_retired WHERE council_id = $1 AND id = $2")
            .bind(council_id)
            .bind(&item.id)
            .execute(&mut **tx)
            .await?;
    }
    for item in &changes.retired {
        sqlx::query(
            "INSERT INTO offer_retired (council_id, id, data, retired_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (council_id, id) DO UPDATE SET data = excluded.data, retired_at = excluded.retired_at",
        )
        .bind(council_id)
        .bind(&item.id)
        .bind(serde_json::to_string(item).map_err(|e| ApiError::Internal(e.to_string()))?)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

fn change_word(c: HistoryChange) -> &'static str {
    match c {
        HistoryChange::Added => "added",
        HistoryChange::Changed => "changed",
        HistoryChange::Retired => "retired",
    }
}

fn parse_change(word: &str) -> Option<HistoryChange> {
    [HistoryChange::Added, HistoryChange::Changed, HistoryChange::Retired].into_iter().find(|c| change_word(*c) == word)
}

/// The council's history, newest first.
pub async fn list(db: &Db, council_id: &str) -> Result<Vec<HistoryEntry>, ApiError> {
    type Row = (i64, String, String, String, String, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT at, by_name, item_id, title, change, fields FROM offer_history
         WHERE council_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(council_id)
    .bind(HISTORY_LIMIT)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|(at, by, item_id, title, change, fields)| {
            let change = parse_change(&change).ok_or_else(|| ApiError::Internal(format!("history change {change}")))?;
            let fields: Vec<ItemField> =
                serde_json::from_str(&fields).map_err(|e| ApiError::Internal(format!("history fields: {e}")))?;
            let at = chrono::DateTime::from_timestamp_millis(at)
                .ok_or_else(|| ApiError::Internal(format!("history time {at}")))?
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            Ok(HistoryEntry { at, by, item_id, title, change, fields })
        })
        .collect()
}

/// Items the council no longer offers, as they last were.
pub async fn retired(db: &Db, council_id: &str) -> Result<Vec<OfferItem>, ApiError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT data FROM offer_retired WHERE council_id = $1 ORDER BY retired_at, id")
            .bind(council_id)
            .fetch_all(db.pool())
            .await?;
    rows.iter()
        .map(|(json,)| serde_json::from_str(json).map_err(|e| ApiError::Internal(format!("retired item: {e}"))))
        .collect()
}
