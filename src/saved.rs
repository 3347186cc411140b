//! What the app remembers on this phone between visits, so that opening
//! Pathway with no signal still shows who you are and how to call your PA
//! (a phone call needs no data), and the council's offer.
//!
//! Why both `saved` and `store`: `saved` keeps read-only copies of what the
//! server answered (local storage, replaced whole on the next load, used
//! through `ui::load`'s `Keep`); `store` holds the records the person and
//! their PA write (IndexedDB, changed on the phone and synced). Both are
//! wiped on sign-out and whenever the server says the session has ended.

use pathway_model::auth::Me;
use pathway_model::offer::OfferBook;
use pathway_model::people::{MyPa, MyPeople};
use std::cell::RefCell;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::vault;

const ME: &str = "pathway.me";
const MY_PA: &str = "pathway.my_pa";
const OFFER: &str = "pathway.offer";
const MY_PEOPLE: &str = "pathway.my_people";
/// A PA's caseload and the overviews of the young people they opened, so
/// a laptop with no signal (a meeting in a café) still shows them.
const CASELOAD: &str = "pathway.caseload";
const OVERVIEWS: &str = "pathway.overviews";
/// Whom to call in an emergency, as she typed it on the emergency card's
/// page (`lock::card::Contact`'s text). Kept on this phone only: it does not
/// sync to her other devices.
const EMERGENCY_CONTACT: &str = "pathway.emergency_contact";
/// The one thing kept unsealed: her emergency card, only while she allows
/// it to be opened from the lock screen (which can't open the vault). Just
/// the card's text (`lock::card`), nothing else of hers.
const OPEN_CARD: &str = "pathway.emergency_card";

const ALL: [&str; 7] = [ME, MY_PA, OFFER, MY_PEOPLE, CASELOAD, OVERVIEWS, EMERGENCY_CONTACT];

thread_local! {
    /// The opened copies, by key, as JSON text.
    static OPENED: RefCell<Vec<(&'static str, String)>> = const { RefCell::new(Vec::new()) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn opened(key: &str) -> Option<String> {
    OPENED.with(|o| o.borrow().iter().find(|(k, _)| *k == key).map(|(_, t)| t.clone()))
}

fn keep(key: &'static str, text: String) {
    OPENED.with(|o| {
        let mut o = o.borrow_mut();
        o.retain(|(k, _)| *k != key);
        o.push((key, text));
    });
}

/// Reads every sealed copy into memory. Called once the vault is open.
/// The sign-in page leaves who signed in as plain text (it has no vault):
/// it is read, and sealed in its place.
pub async fn open() {
    let Some(s) = storage() else { return };
    for key in ALL {
        let Some(sealed) = s.get_item(key).ok().flatten() else { continue };
        match vault::open_text(&sealed).await {
            Ok(text) => keep(key, text),
            // Sealed with a key this device no longer has: of no use.
            Err(_) => {
                let _ = s.remove_item(key);
            }
        }
    }
    // Plain copies (the sign-in page's, an earlier version's) are sealed now.
    if vault::take_saw_plain() {
        for key in ALL {
            if let Some(text) = opened(key) {
                store_text(key, text);
            }
        }
    }
}

fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    // A value written by an older build that no longer parses is simply
    // forgotten: the next online visit writes a fresh one.
    serde_json::from_str(&opened(key)?).ok()
}

fn store<T: Serialize>(key: &'static str, value: &T) {
    if let Ok(text) = serde_json::to_string(value) {
        store_text(key, text);
    }
}

fn store_text(key: &'static str, text: String) {
    keep(key, text.clone());
    leptos::task::spawn_local(async move {
        let Ok(sealed) = vault::seal_text(&text).await else { return };
        // Written only if it is still the newest copy (not replaced or
        // forgotten while it was being sealed).
        if opened(key).as_deref() == Some(text.as_str())
            && let Some(s) = storage()
        {
            // Storage can be full or switched off (private mode); the app
            // still works online without it.
            let _ = s.set_item(key, &sealed);
        }
    });
}

pub fn me() -> Option<Me> {
    load(ME)
}

pub fn set_me(me: &Me) {
    store(ME, me)
}

pub fn my_pa() -> Option<MyPa> {
    load(MY_PA)
}

pub fn set_my_pa(pa: &MyPa) {
    store(MY_PA, pa)
}

/// Everyone on My people, as last loaded: with no signal the numbers still
/// show, because a phone call needs no data.
pub fn my_people() -> Option<MyPeople> {
    load(MY_PEOPLE)
}

pub fn set_my_people(people: &MyPeople) {
    store(MY_PEOPLE, people)
}

/// The offer as last loaded, with whose it was: a young person's copy
/// holds their profile, so it is never shown to anyone else.
#[derive(Serialize)]
struct SavedOfferRef<'a> {
    person_id: Uuid,
    book: &'a OfferBook,
}

#[derive(Deserialize)]
struct SavedOffer {
    person_id: Uuid,
    book: OfferBook,
}

pub fn offer(person_id: Uuid) -> Option<OfferBook> {
    load::<SavedOffer>(OFFER).filter(|s| s.person_id == person_id).map(|s| s.book)
}

pub fn set_offer(person_id: Uuid, book: &OfferBook) {
    store(OFFER, &SavedOfferRef { person_id, book })
}

#[cfg(feature = "staff")]
pub fn caseload() -> Option<Vec<pathway_model::caseload::CaseloadEntry>> {
    load(CASELOAD)
}

#[cfg(feature = "staff")]
pub fn set_caseload(people: &Vec<pathway_model::caseload::CaseloadEntry>) {
    store(CASELOAD, people)
}

/// The overview of one young person the PA opened on this laptop.
#[cfg(feature = "staff")]
pub fn overview(person_id: Uuid) -> Option<pathway_model::caseload::YoungPersonOverview> {
    load::<Vec<pathway_model::caseload::YoungPersonOverview>>(OVERVIEWS)?.into_iter().find(|o| o.person_id == person_id)
}

/// Keeps `o` beside the others (one per young person, newest kept).
#[cfg(feature = "staff")]
pub fn set_overview(o: &pathway_model::caseload::YoungPersonOverview) {
    let mut all: Vec<pathway_model::caseload::YoungPersonOverview> = load(OVERVIEWS).unwrap_or_default();
    all.retain(|x| x.person_id != o.person_id);
    all.push(o.clone());
    store(OVERVIEWS, &all)
}

pub fn emergency_contact() -> Option<String> {
    opened(EMERGENCY_CONTACT)
}

/// Keeps whom to call (sealed); `None` forgets it.
pub fn set_emergency_contact(text: Option<String>) {
    match text {
        Some(t) => store_text(EMERGENCY_CONTACT, t),
        None => {
            OPENED.with(|o| o.borrow_mut().retain(|(k, _)| *k != EMERGENCY_CONTACT));
            if let Some(s) = storage() {
                let _ = s.remove_item(EMERGENCY_CONTACT);
            }
        }
    }
}

/// The emergency card's plain copy, if she allowed the lock screen to show it.
pub fn open_card_text() -> Option<String> {
    storage()?.get_item(OPEN_CARD).ok().flatten()
}

pub fn set_open_card_text(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(OPEN_CARD, text);
    }
}

pub fn forget_open_card() {
    if let Some(s) = storage() {
        let _ = s.remove_item(OPEN_CARD);
    }
}

/// Forgets everything above, the emergency card's plain copy too. The app lock forgets its PIN when it sees the
/// person signed out (`lock::install`).
pub fn forget_everything() {
    OPENED.with(|o| o.borrow_mut().clear());
    if let Some(s) = storage() {
        for key in ALL {
            let _ = s.remove_item(key);
        }
    }
    forget_open_card();
}
