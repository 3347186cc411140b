//! What the young person decides about any entry, their own or a
//! professional's: who sees it, whether it goes in the passport, and their
//! own notes (`entry_yours`: the words of an entry of their own, or
//! deleting it). Each is saved on the phone at once and synced.

use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::health::entry::HealthEntryChange;
use pathway_model::health::{HealthEntry, Visibility};
use pathway_model::sync::Fields;
use uuid::Uuid;

use super::forget_on_typing;
use super::form::checked;
use super::records::visibility_words;
use crate::i18n::{k, t};
use crate::store::{Save, use_sync};
use crate::ui::form::{Checkbox, RadioGroup, TextArea};

/// The entry's fields now, read from the phone's store.
pub(super) fn current(id: Uuid) -> Memo<Option<Fields>> {
    let sync = use_sync();
    Memo::new(move |_| sync.records.with(|rs| rs.get(&id).map(|r| r.fields.clone())))
}

pub(super) fn entry(fields: &Memo<Option<Fields>>) -> Option<HealthEntry> {
    fields.with(|f| f.as_ref().and_then(HealthEntry::from_fields))
}

/// Checks `change` and saves it with `save`; once it is on the phone,
/// `said` says `ok`.
fn save_change(
    save: Save,
    id: Uuid,
    change: HealthEntryChange,
    fields: Memo<Option<Fields>>,
    said: RwSignal<Option<&'static str>>,
    ok: &'static str,
) {
    let Some(now) = fields.get_untracked() else {
        return;
    };
    said.set(None);
    save.put(checked(Role::YoungPerson, change, &now), HealthEntryChange::KIND, id, move || {
        said.try_set(Some(ok));
    });
}

/// What a choice saved said last: why it failed, or that it was saved.
pub(super) fn said_line(save: Save, said: RwSignal<Option<&'static str>>) -> impl Fn() -> Option<&'static str> {
    move || save.problem().or_else(|| said.get())
}

#[component]
pub fn WhoCanSee(id: Uuid) -> impl IntoView {
    let fields = current(id);
    let save = Save::new();
    let said = RwSignal::new(None::<&'static str>);
    let stored = move || entry(&fields).map(|e| e.visibility);
    let chosen = RwSignal::new(untrack(stored).map(|v| v.as_str().to_string()).unwrap_or_default());
    // The radios show what is stored: at first, after a change synced from
    // another of her devices, and after a choice that could not be saved.
    let show_stored = move || {
        if let Some(v) = stored() {
            chosen.set(v.as_str().to_string());
        }
    };
    Effect::new(move |_| show_stored());
    Effect::new(move |_| {
        if save.problem().is_some() {
            show_stored();
        }
    });
    // A radio she picks is saved at once; the store echoing it back is not
    // a new choice.
    Effect::watch(
        move || chosen.get(),
        move |picked: &String, _, _| {
            let Some(v) = Visibility::parse(picked).filter(|v| stored() != Some(*v)) else {
                return;
            };
            let ok = t(if v == Visibility::MeOnly { k::HEALTH_SEE_SAVED_ONLY_ME } else { k::HEALTH_SEE_SAVED });
            let change = HealthEntryChange { visibility: Some(v), ..HealthEntryChange::default() };
            save_change(save, id, change, fields, said, ok);
        },
        false,
    );
    let choices = Visibility::ALL.into_iter().map(|v| (v.as_str(), visibility_words(v))).collect();
    view! {
        <section class="card" aria-labelledby="see-heading">
            <h2 id="see-heading">{t(k::HEALTH_SEE_HEADING)}</h2>
            <RadioGroup
                name="see"
                legend=t(k::HEALTH_SEE_LEGEND)
                choices=choices
                value=chosen
                problem=Signal::derive(move || save.problem())
            />
            <p class="health-said" role="status">{move || said.get()}</p>
        </section>
    }
}

#[component]
pub fn InPassport(id: Uuid) -> impl IntoView {
    let fields = current(id);
    let save = Save::new();
    let said = RwSignal::new(None::<&'static str>);
    let ticked = move || entry(&fields).is_some_and(|e| e.in_passport);
    let only_me = move || entry(&fields).is_some_and(|e| e.visibility == Visibility::MeOnly);
    view! {
        <section class="card" aria-labelledby="passport-heading">
            <h2 id="passport-heading">{t(k::HEALTH_IN_PASSPORT_HEADING)}</h2>
            <Checkbox
                id="in-passport"
                label=t(k::HEALTH_IN_PASSPORT_LABEL)
                hint_id="in-passport-hint"
                checked=Signal::derive(ticked)
                on_change=move |yes| {
                    let ok = t(if yes { k::HEALTH_IN_PASSPORT_ADDED } else { k::HEALTH_IN_PASSPORT_REMOVED });
                    let change = HealthEntryChange { in_passport: Some(yes), ..HealthEntryChange::default() };
                    save_change(save, id, change, fields, said, ok);
                }
            />
            <p class="hint" id="in-passport-hint">
                {move || t(if only_me() { k::HEALTH_IN_PASSPORT_HINT_ONLY_ME } else { k::HEALTH_IN_PASSPORT_HINT })}
            </p>
            <p class="health-said" role="status">{said_line(save, said)}</p>
        </section>
    }
}

#[component]
pub fn MyNote(id: Uuid) -> impl IntoView {
    let fields = current(id);
    let save = Save::new();
    let said = RwSignal::new(None::<&'static str>);
    let text = RwSignal::new(entry(&fields).and_then(|e| e.my_note).unwrap_or_default());
    forget_on_typing(text, save, Some(said));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // An empty box clears the note.
        let note = Some(text.get_untracked().trim().to_string()).filter(|t| !t.is_empty());
        let change = HealthEntryChange { my_note: Some(note), ..HealthEntryChange::default() };
        save_change(save, id, change, fields, said, t(k::HEALTH_NOTE_SAVED));
    };
    view! {
        <section class="card" aria-labelledby="note-heading">
            <h2 id="note-heading">{t(k::HEALTH_NOTE_HEADING)}</h2>
            <form on:submit=on_submit novalidate>
                <TextArea
                    id="my-note"
                    label=t(k::HEALTH_NOTE_LABEL)
                    hint=t(k::HEALTH_NOTE_HINT)
                    value=text
                    problem=Signal::derive(move || save.problem())
                    rows=3
                />
                <button type="submit" class="button" disabled=move || save.saving()>{t(k::HEALTH_NOTE_SAVE)}</button>
                <p class="health-said" id="my-note-said" role="status">{move || said.get()}</p>
            </form>
        </section>
    }
}
