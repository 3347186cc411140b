//! My health: the health history a young person keeps for life, in words
//! they understand (DESIGN §3). Entries are synced records like "Things to
//! talk about": every screen reads the phone's store, so all of it works
//! offline, and every change goes through the sync engine (`store::Save`).
//!
//! - `records`: which entries each screen shows, in what order (pure).
//! - `form`: typed input made into the model's `HealthEntryChange` and
//!   checked by the model's own rules (pure).
//! - `summary`, `timeline`, `kind_page`, `entry_page`, `add_page`,
//!   `glossary_page`, `passport`: the young person's screens.
//! - `share`: the passport for a professional (a FHIR file, a share link);
//!   `emergency`: the emergency card (issue 19).
//! - `entry_mine`, `entry_yours`, `correction`: what the young person
//!   changes on an entry (and on their own entries, its words, or deletes it).
//! - `entry_form`: the form that adds an entry (young person or PA), or
//!   changes one of the young person's own.
//! - `card`, `linked`, `nav`: small shared pieces; `glossary_terms`: the
//!   glossary's words, read when first needed.
//! - `pa_health`: the health entries on a PA's page for one young person.

mod add_page;
mod card;
mod correction;
mod emergency;
mod entry_form;
mod entry_mine;
mod entry_page;
mod entry_yours;
pub mod form;
mod glossary_page;
mod glossary_terms;
mod kind_page;
mod linked;
mod nav;
#[cfg(feature = "staff")]
mod pa_health;
mod passport;
pub mod records;
mod share;
mod summary;
mod timeline;

pub use add_page::HealthAddPage;
pub use card::{EntryCard, EntryList};
pub use emergency::{EmergencyPage, keep_card_fresh};
pub use entry_page::HealthEntryPage;
pub use glossary_page::GlossaryPage;
pub use glossary_terms::set_words;
pub use kind_page::HealthKindPage;
pub use linked::{LinkedText, WordsExplained};
#[cfg(feature = "staff")]
pub use pa_health::PaHealth;
pub use passport::PassportPage;
pub use share::SharePage;
pub use summary::HealthPage;
pub use timeline::TimelinePage;

use leptos::prelude::*;

use crate::store::{Save, SaveState};

/// Typing in `text` again clears what its last save said (a problem, or
/// "Saved"), so old words are not read as being about the new ones. Not
/// when the save itself empties the box.
fn forget_on_typing(text: RwSignal<String>, save: Save, said: Option<RwSignal<Option<&'static str>>>) {
    Effect::watch(
        move || text.get(),
        move |now: &String, _, _| {
            if !now.is_empty() {
                if save.state.get_untracked() != SaveState::Saving {
                    save.state.set(SaveState::Idle);
                }
                if let Some(said) = said {
                    said.set(None);
                }
            }
        },
        false,
    );
}
