//! My health: the health history a young person keeps for life, in words
//! they understand (DESIGN §3). Entries are synced records like "Things to
//! talk about": every screen reads the phone's store, so all of it works
//! offline, and every change goes through the sync engine.
//!
//! - `records`: which entries each screen shows, in what order (pure).
//! - `form`: typed input checked by the model's own rules (pure).
//! - `summary`, `timeline`, `kind_page`, `entry_page`, `add_page`,
//!   `glossary_page`, `passport`: the young person's screens.
//! - `entry_mine`, `correction`: what the young person changes on an entry
//!   (and on their own entries, its words, or deletes it).
//! - `entry_form`: the form that adds an entry (young person or PA), or
//!   changes one of the young person's own.
//! - `card`, `linked`, `nav`: small shared pieces.
//! - `pa_health`: the health entries on a PA's page for one young person.

mod add_page;
mod card;
mod correction;
mod entry_form;
mod entry_mine;
mod entry_page;
pub mod form;
mod glossary_page;
mod kind_page;
mod linked;
mod nav;
mod pa_health;
mod passport;
pub mod records;
mod summary;
mod timeline;

pub use add_page::HealthAddPage;
pub use card::{EntryCard, EntryList};
pub use entry_page::HealthEntryPage;
pub use glossary_page::GlossaryPage;
pub use kind_page::HealthKindPage;
pub use linked::{LinkedText, WordsExplained};
pub use pa_health::PaHealth;
pub use passport::PassportPage;
pub use summary::HealthPage;
pub use timeline::TimelinePage;

use pathway_model::sync::{EntityKind, Fields};
use uuid::Uuid;

use crate::store::engine::{self, ChangeError};

/// The only title a health screen shows (DESIGN §5: a title can be read
/// over a shoulder, in the app switcher, in history).
pub const TITLE: &str = "My health – Pathway";

/// Saves a new entry. `owner`: the young person a PA records it for.
pub async fn add_entry(fields: Fields, owner: Option<Uuid>) -> Result<Uuid, ChangeError> {
    let id = Uuid::now_v7();
    engine::change(move |r| match owner {
        Some(o) => r.put_for(EntityKind::HealthEntry, id, fields, o),
        None => r.put(EntityKind::HealthEntry, id, fields),
    })
    .await?;
    Ok(id)
}

/// Sets some fields of an entry (already checked with `form::check_change`).
pub async fn change_entry(id: Uuid, fields: Fields) -> Result<(), ChangeError> {
    engine::change(move |r| r.put(EntityKind::HealthEntry, id, fields)).await
}

/// Deletes an entry (the young person's own: `entry::may_delete`).
pub async fn delete_entry(id: Uuid) -> Result<(), ChangeError> {
    engine::change(move |r| r.delete(EntityKind::HealthEntry, id)).await
}

/// Now, as the Unix milliseconds the record's `…_at` fields hold.
pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}
