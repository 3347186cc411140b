//! `/health/emergency`: the emergency card (issue 19). It reads the phone's
//! store, so it works with no signal. On it: every allergy, medicine and
//! condition she has that is not marked "only me" (ticked for the passport
//! or not: in an emergency, safety first; "only me" stays off because the
//! card may be shown on the lock screen), and whom to call (`contact`).
//! She may let the lock screen show it (`allow`).

mod allow;
mod contact;

use leptos::prelude::*;
use pathway_model::health::Visibility;

use super::nav::HealthNav;
use super::records::{Item, extra_words, items};
use crate::i18n::{k, t};
use crate::lock::card::{Card, CardView, Contact, KINDS, Line};
use crate::router::A;
use crate::saved;
use crate::store::{SyncState, use_sync};

/// The card from her entries (in `items`' order) and her contact.
pub fn card_of(items: &[Item], contact: Option<Contact>) -> Card {
    let lines = KINDS
        .iter()
        .flat_map(|k| items.iter().filter(move |i| i.entry.kind == *k && i.entry.visibility != Visibility::MeOnly))
        .map(|i| Line { kind: i.entry.kind, title: i.entry.title.clone(), extra: extra_words(&i.entry) })
        .collect();
    Card { lines, contact }
}

fn saved_contact() -> Option<Contact> {
    saved::emergency_contact().and_then(|t| Contact::from_text(&t))
}

/// The card as it is now on this phone.
fn card_now(sync: SyncState) -> Card {
    sync.records.with(|rs| card_of(&items(rs, None), saved_contact()))
}

/// Writes the lock screen's copy again when it is allowed and differs.
fn refresh_open_copy(card: &Card) {
    if let Some(old) = saved::open_card_text() {
        let text = card.to_text();
        if old != text {
            saved::set_open_card_text(&text);
        }
    }
}

/// While the app is open, the lock screen's copy follows her entries (her
/// PA may add an allergy, which arrives by sync). Called once at start.
pub fn keep_card_fresh(sync: SyncState, key_open: RwSignal<bool>) {
    Effect::new(move |_| {
        // Only from a loaded store: an empty one at start is not her card.
        if sync.ready.get() && key_open.get() {
            refresh_open_copy(&card_now(sync));
        }
    });
}

#[component]
pub fn EmergencyPage() -> impl IntoView {
    let sync = use_sync();
    let contact = RwSignal::new(saved_contact());
    let card = Memo::new(move |_| {
        let c = contact.get();
        sync.records.with(|rs| card_of(&items(rs, None), c))
    });
    // Her own change of contact goes to the lock screen's copy at once.
    Effect::new(move |_| {
        if sync.ready.get() {
            card.with(refresh_open_copy);
        }
    });
    view! {
        <HealthNav/>
        <p class="back"><A href="/health/passport">{t(k::HEALTH_EMERGENCY_BACK)}</A></p>
        <h1>{t(k::HEALTH_EMERGENCY_TITLE)}</h1>
        <p>{t(k::HEALTH_EMERGENCY_INTRO)}</p>
        <p class="hint">{t(k::HEALTH_EMERGENCY_WHAT_IS_ON_IT)}</p>
        {move || view! { <CardView card=card.get()/> }}
        <contact::ContactForm contact=contact/>
        <allow::AllowOnLockScreen card=card/>
    }
}
