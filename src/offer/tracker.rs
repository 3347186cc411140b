use leptos::prelude::*;
use pathway_model::entitlement::{self, Entitlement, EntitlementChange, NOTE_MAX, TrackerStatus};
use pathway_model::record::Fields;
use pathway_model::topic::{Topic, TopicChange};
use uuid::Uuid;

use super::status_label;
use crate::i18n::{k, t, tf};
use crate::store::{Save, use_sync};
use crate::ui::form::{DateField, RadioGroup, TextArea};

/// The fields of a tracker record, or the problem in plain words. The
/// same limits as `entitlement::check_put` (the tests hold the two
/// together); not that function itself, whose date check would bring
/// chrono's format parser into the app for one `YYYY-MM-DD`.
pub fn tracker_fields(
    council_id: &str,
    item_id: &str,
    status: TrackerStatus,
    date: &str,
    note: &str,
) -> Result<Fields, &'static str> {
    let date = date.trim();
    if !date.is_empty() && pathway_model::date::parse(date).is_none() {
        return Err(t(k::OFFER_TRACKER_BAD_DATE));
    }
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        return Err(t(k::OFFER_TRACKER_NOTE_TOO_LONG));
    }
    // Empty is sent as nothing (null), so emptying a box clears it.
    let given = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Ok(EntitlementChange {
        council_id: Some(council_id.into()),
        item_id: Some(item_id.into()),
        status: Some(status),
        date: Some(given(date)),
        note: Some(given(note)),
    }
    .into_fields())
}

/// The words for the "ask my PA" topic, in her language: saved as her
/// topic, as if she had typed it.
pub fn ask_text(title: &str) -> String {
    let text = tf(k::OFFER_ASK_TOPIC, &[("title", title)]);
    text.chars().take(pathway_model::topic::TEXT_MAX).collect()
}

/// `YYYY-MM-DD`, as a date input wants it. (By hand: chrono's `format`
/// would add its whole formatting engine to the app.)
fn today_iso() -> String {
    use chrono::Datelike;
    let d = crate::clock::today();
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The young person's tracker on one item: where they are with it, since
/// when, and a note. Saved on the phone at once and synced like their
/// other records; their PA can read it.
#[component]
pub fn Tracker(person_id: Uuid, council_id: String, item_id: String, title: String) -> impl IntoView {
    let sync = use_sync();
    let id = entitlement::record_id(person_id, &council_id, &item_id);
    let record = Memo::new(move |_| sync.records.with(|rs| rs.get(&id).cloned()));
    let saved = move || record.with(|r| r.as_ref().and_then(|r| Entitlement::from_fields(&r.fields)));
    let pending = move || record.with(|r| r.as_ref().is_some_and(|r| r.pending));

    let start = record.with_untracked(|r| r.as_ref().and_then(|r| Entitlement::from_fields(&r.fields)));
    // The radios hold the status's word (`TrackerStatus::as_str`).
    let status = RwSignal::new(start.as_ref().map_or(TrackerStatus::NotAsked, |e| e.status).as_str().to_string());
    let date = RwSignal::new(start.as_ref().and_then(|e| e.date.clone()).unwrap_or_default());
    let note = RwSignal::new(start.as_ref().and_then(|e| e.note.clone()).unwrap_or_default());
    // Changed here and not saved yet: a sync must not overwrite it.
    let dirty = RwSignal::new(false);
    let save = Save::new();
    Effect::new(move |_| {
        if let Some(e) = saved()
            && !dirty.get_untracked()
        {
            status.set(e.status.as_str().to_string());
            date.set(e.date.unwrap_or_default());
            note.set(e.note.unwrap_or_default());
        }
    });

    let (council, item) = (council_id.clone(), item_id.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = TrackerStatus::parse(&status.get_untracked()).unwrap_or(TrackerStatus::NotAsked);
        let checked = tracker_fields(&council, &item, chosen, &date.get_untracked(), &note.get_untracked());
        save.put(checked, EntitlementChange::KIND, id, move || {
            dirty.try_set(false);
        });
    };

    let saved_words = move || {
        if dirty.get() {
            t(k::OFFER_TRACKER_UNSAVED)
        } else if record.with(|r| r.is_none()) {
            ""
        } else if pending() {
            t(k::OFFER_TRACKER_SAVED_ON_PHONE)
        } else {
            t(k::OFFER_TRACKER_SYNCED)
        }
    };
    let choices = TrackerStatus::ALL.into_iter().map(|s| (s.as_str(), status_label(s))).collect();

    // Anything typed or chosen marks the form changed (events bubble up to
    // the form from its fields); choosing a status also sets the date to
    // today, the day it changed.
    view! {
        <section class="card tracker" aria-labelledby="tracker-heading">
            <h2 id="tracker-heading">{t(k::OFFER_TRACKER_HEADING)}</h2>
            <p class="hint">{t(k::OFFER_TRACKER_HINT)}</p>
            <form on:submit=on_submit on:input=move |_| dirty.set(true) novalidate>
                <div on:change=move |_| date.set(today_iso())>
                    <RadioGroup name="tracker" legend=tf(k::OFFER_TRACKER_QUESTION, &[("title", &title)]) choices=choices value=status/>
                </div>
                <DateField id="tracker-date" label=t(k::OFFER_TRACKER_DATE) value=date/>
                <TextArea id="tracker-note" label=t(k::OFFER_TRACKER_NOTE) value=note max=NOTE_MAX rows=3/>
                <p class="error-message" role="alert">{move || save.problem()}</p>
                <button type="submit" class="button" disabled=move || save.saving()>{t(k::OFFER_TRACKER_SAVE)}</button>
                <p class="tracker__saved" role="status">{saved_words}</p>
            </form>
        </section>
    }
}

/// "Ask my PA about this": adds the item to Things to talk about, once.
#[component]
pub fn AskMyPa(title: String) -> impl IntoView {
    let sync = use_sync();
    let text = ask_text(&title);
    let said = RwSignal::new(None::<&'static str>);
    let save = Save::new();
    let already = {
        let text = text.clone();
        move || {
            sync.records.with(|rs| {
                rs.values().any(|r| {
                    r.entity == Topic::KIND && Topic::from_fields(&r.fields).is_some_and(|t| !t.done && t.text == text)
                })
            })
        }
    };
    let ask = move |_| {
        if already() {
            said.set(Some(t(k::OFFER_ASK_ALREADY)));
            return;
        }
        // A new topic, as the young person's own "Add" makes it.
        let topic = TopicChange { text: Some(text.clone()), done: Some(false), ..Default::default() };
        save.put(Ok(topic.into_fields()), TopicChange::KIND, Uuid::now_v7(), move || {
            said.try_set(Some(t(k::OFFER_ASK_ADDED)));
        });
    };
    view! {
        <section class="card offer-ask" aria-labelledby="ask-heading">
            <h2 id="ask-heading">{t(k::OFFER_ASK_HEADING)}</h2>
            <p>{t(k::OFFER_ASK_TEXT)}</p>
            <button type="button" class="button button--secondary" on:click=ask>{t(k::OFFER_ASK_BUTTON)}</button>
            <p class="offer-ask__said" role="status">{move || save.problem().or_else(|| said.get())}</p>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::auth::Role;
    use serde_json::Value;

    #[test]
    fn a_tracker_record_has_the_fields_the_server_checks() {
        let f =
            tracker_fields("liverpool", "laptop-and-data", TrackerStatus::Claimed, "2026-11-22", "  Came on Monday ")
                .unwrap();
        assert_eq!(entitlement::check_put(Role::YoungPerson, &f, true), Ok(()));
        let e = Entitlement::from_fields(&f).unwrap();
        assert_eq!(e.status, TrackerStatus::Claimed);
        assert_eq!(e.date.as_deref(), Some("2026-11-22"));
        assert_eq!(e.note.as_deref(), Some("Came on Monday"));
        assert_eq!(f.len(), 5);
    }

    #[test]
    fn an_empty_date_and_note_are_saved_as_nothing() {
        let f = tracker_fields("liverpool", "x", TrackerStatus::Asked, " ", "").unwrap();
        assert_eq!(entitlement::check_put(Role::YoungPerson, &f, true), Ok(()));
        assert_eq!(f["date"], Value::Null);
        assert_eq!(f["note"], Value::Null);
    }

    #[test]
    fn problems_are_said_in_plain_words() {
        assert_eq!(
            tracker_fields("liverpool", "x", TrackerStatus::Asked, "22/11/2026", ""),
            Err("Enter a real date, or leave it empty.")
        );
        let long = "a".repeat(NOTE_MAX + 1);
        assert!(
            tracker_fields("liverpool", "x", TrackerStatus::Asked, "", &long)
                .unwrap_err()
                .starts_with("Your note is too long")
        );
        let longest = tracker_fields("liverpool", "x", TrackerStatus::Asked, "", &"a".repeat(NOTE_MAX)).unwrap();
        assert_eq!(entitlement::check_put(Role::YoungPerson, &longest, true), Ok(()));
        assert_eq!(
            tracker_fields("liverpool", "x", TrackerStatus::Asked, "2026-02-30", ""),
            Err("Enter a real date, or leave it empty.")
        );
    }

    #[test]
    fn asking_the_pa_names_the_item() {
        assert_eq!(ask_text("A laptop and data"), "Can we talk about: A laptop and data?");
        assert_eq!(ask_text(&"x".repeat(600)).chars().count(), pathway_model::topic::TEXT_MAX);
    }
}
