//! Councils' local offers.

use std::sync::Arc;

use pathway_model::offer::OfferItem;
use pathway_model::offer::editor::{self, OfferChanges};
use pathway_model::offer::oruk;
use serde_json::value::RawValue;

use super::{Db, offer_history};
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

/// What a search of the open data looks through: the title, summary,
/// details and category heading, in lower case.
pub fn search_text(item: &OfferItem) -> String {
    format!("{} {} {} {}", item.title, item.summary, item.details, item.category.label()).to_lowercase()
}

/// The most words one search may have: each is one condition of a query
/// written once (sqlx takes no SQL built at run time).
pub const SEARCH_WORDS: usize = 5;

/// The condition every listed item meets: its council, and each of up to
/// `SEARCH_WORDS` patterns (`$2`…`$6`; `%` where there is no word).
macro_rules! matching {
    () => {
        " FROM offer_items WHERE council_id = $1
           AND COALESCE(search_text, '') LIKE $2 ESCAPE '\\' AND COALESCE(search_text, '') LIKE $3 ESCAPE '\\'
           AND COALESCE(search_text, '') LIKE $4 ESCAPE '\\' AND COALESCE(search_text, '') LIKE $5 ESCAPE '\\'
           AND COALESCE(search_text, '') LIKE $6 ESCAPE '\\'"
    };
}

/// A LIKE pattern that finds `word` anywhere, its `%`, `_` and `\` taken
/// as themselves.
fn anywhere(word: &str) -> String {
    let mut p = String::from("%");
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// One page of a council's items whose search text holds every one of
/// `words` (lower case, at most `SEARCH_WORDS`), in the offer's order:
/// `limit` after the first `offset`, and how many match in all.
pub async fn page(
    db: &Db,
    council_id: &str,
    words: &[String],
    limit: i64,
    offset: i64,
) -> Result<(i64, Vec<OfferItem>), ApiError> {
    if words.len() > SEARCH_WORDS {
        return Err(ApiError::BadQuery(format!("search for at most {SEARCH_WORDS} words")));
    }
    let mut patterns: Vec<String> = words.iter().map(|w| anywhere(w)).collect();
    patterns.resize(SEARCH_WORDS, "%".into());
    let mut count = sqlx::query_scalar(concat!("SELECT COUNT(*)", matching!())).bind(council_id);
    let mut rows =
        sqlx::query_as(concat!("SELECT data", matching!(), " ORDER BY position LIMIT $7 OFFSET $8")).bind(council_id);
    for p in &patterns {
        count = count.bind(p.clone());
        rows = rows.bind(p.clone());
    }
    let total: i64 = count.fetch_one(db.pool()).await?;
    let rows: Vec<(String,)> = rows.bind(limit).bind(offset).fetch_all(db.pool()).await?;
    Ok((total, rows.into_iter().map(|(json,)| parse(&json)).collect::<Result<_, _>>()?))
}

/// The item of `council_id` with this Open Referral service id.
pub async fn by_oruk_id(db: &Db, council_id: &str, oruk_id: &str) -> Result<Option<OfferItem>, ApiError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT data FROM offer_items WHERE council_id = $1 AND oruk_id = $2")
        .bind(council_id)
        .bind(oruk_id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|(json,)| parse(&json)).transpose()
}

fn parse(json: &str) -> Result<OfferItem, ApiError> {
    serde_json::from_str(json).map_err(|e| ApiError::Internal(format!("offer item: {e}")))
}

/// Fills `search_text` and `oruk_id` of items stored before they existed
/// (migration 0013); run with the migrations, does nothing once done.
pub async fn fill_search(db: &Db) -> sqlx::Result<u64> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT council_id, id, data FROM offer_items WHERE search_text IS NULL OR oruk_id IS NULL")
            .fetch_all(db.writer())
            .await?;
    let mut filled = 0;
    for (council_id, id, data) in rows {
        let Ok(item) = serde_json::from_str::<OfferItem>(&data) else {
            tracing::warn!(council_id, id, "an offer item that does not read: left out of searches");
            continue;
        };
        sqlx::query("UPDATE offer_items SET search_text = $1, oruk_id = $2 WHERE council_id = $3 AND id = $4")
            .bind(search_text(&item))
            .bind(oruk::service_id(&item).to_string())
            .bind(&council_id)
            .bind(&id)
            .execute(db.writer())
            .await?;
        filled += 1;
    }
    Ok(filled)
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

/// Who published an offer, for its history: a manager's name, or what
/// brought it in ("Sample data", "Command line import").
pub type PublishedBy<'a> = &'a str;

/// Replaces a council's whole offer in one transaction: readers see the old
/// offer or the new one, never half of each. In the same transaction it
/// notes each added, changed and retired item in the offer's history,
/// keeps the titles of retired items for trackers, and drops the council's
/// draft (what is published is now the starting point). Returns what changed.
pub async fn replace(
    db: &Db,
    council_id: &str,
    items: &[OfferItem],
    by: PublishedBy<'_>,
) -> Result<OfferChanges, ApiError> {
    let mut tx = db.writer().begin().await?;
    // First, so two imports of one council queue on the row lock (PostgreSQL)
    // and the new revision commits with the new items or not at all.
    sqlx::query("UPDATE councils SET offer_revision = offer_revision + 1 WHERE id = $1")
        .bind(council_id)
        .execute(&mut *tx)
        .await?;
    let before: Vec<(String,)> = sqlx::query_as("SELECT data FROM offer_items WHERE council_id = $1 ORDER BY position")
        .bind(council_id)
        .fetch_all(&mut *tx)
        .await?;
    let before = before.iter().map(|(json,)| parse(json)).collect::<Result<Vec<_>, _>>()?;
    let changes = editor::compare(&before, items);
    sqlx::query("DELETE FROM offer_items WHERE council_id = $1").bind(council_id).execute(&mut *tx).await?;
    for (position, item) in items.iter().enumerate() {
        let data = serde_json::to_string(item).map_err(|e| ApiError::Internal(e.to_string()))?;
        sqlx::query(
            "INSERT INTO offer_items (council_id, id, position, category, title, data, search_text, oruk_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(council_id)
        .bind(&item.id)
        .bind(position as i64)
        .bind(item.category.as_str())
        .bind(&item.title)
        .bind(data)
        .bind(search_text(item))
        .bind(oruk::service_id(item).to_string())
        .execute(&mut *tx)
        .await?;
    }
    offer_history::note(&mut tx, council_id, &changes, by).await?;
    sqlx::query("DELETE FROM offer_drafts WHERE council_id = $1").bind(council_id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(changes)
}

pub async fn count(db: &Db, council_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM offer_items WHERE council_id = $1")
        .bind(council_id)
        .fetch_one(db.pool())
        .await
}
