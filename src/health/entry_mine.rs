//! What the young person decides about any entry, their own or a
//! professional's: who sees it, whether it goes in the passport, and their
//! own notes. Each is saved on the phone at once and synced.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::Role;
use pathway_model::health::{HealthEntry, Visibility};
use pathway_model::sync::Fields;
use serde_json::Value;
use uuid::Uuid;

use super::form::check_change;
use super::{change_entry, change_words};
use crate::store::use_sync;

/// The entry's fields now, read from the phone's store.
fn current(id: Uuid) -> Memo<Option<Fields>> {
    let sync = use_sync();
    Memo::new(move |_| sync.records.with(|rs| rs.get(&id).map(|r| r.fields.clone())))
}

fn entry(fields: &Memo<Option<Fields>>) -> Option<HealthEntry> {
    fields.with(|f| f.as_ref().and_then(HealthEntry::from_fields))
}

/// Checks and saves `change`, then says what happened in `said`.
fn save(
    id: Uuid,
    change: Fields,
    fields: Memo<Option<Fields>>,
    said: RwSignal<Option<&'static str>>,
    ok: &'static str,
) {
    let Some(now) = fields.get_untracked() else { return };
    if let Err(p) = check_change(Role::YoungPerson, &change, &now) {
        said.set(Some(p.words));
        return;
    }
    spawn_local(async move {
        said.set(Some(match change_entry(id, change).await {
            Ok(()) => ok,
            Err(e) => change_words(e),
        }));
    });
}

fn one(key: &str, value: Value) -> Fields {
    let mut f = Fields::new();
    f.insert(key.into(), value);
    f
}

#[component]
pub fn WhoCanSee(id: Uuid) -> impl IntoView {
    let fields = current(id);
    let said = RwSignal::new(None::<&'static str>);
    let chosen = move || entry(&fields).map(|e| e.visibility);
    let radios = Visibility::ALL
        .into_iter()
        .map(|v| {
            let radio_id = format!("see-{}", v.as_str());
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        name="who-can-see"
                        id=radio_id.clone()
                        value=v.as_str()
                        prop:checked=move || chosen() == Some(v)
                        on:change=move |_| {
                            let ok = if v == Visibility::MeOnly {
                                "Saved. Your PA won't see this once your phone has synced."
                            } else {
                                "Saved."
                            };
                            save(id, one("visibility", Value::String(v.as_str().into())), fields, said, ok);
                        }
                    />
                    <label for=radio_id>{v.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="see-heading">
            <h2 id="see-heading">"Who can see this"</h2>
            <fieldset class="radios">
                <legend>"Choose who can see this entry"</legend>
                {radios}
            </fieldset>
            <p class="health-said" role="status">{move || said.get()}</p>
        </section>
    }
}

#[component]
pub fn InPassport(id: Uuid) -> impl IntoView {
    let fields = current(id);
    let said = RwSignal::new(None::<&'static str>);
    let ticked = move || entry(&fields).is_some_and(|e| e.in_passport);
    let only_me = move || entry(&fields).is_some_and(|e| e.visibility == Visibility::MeOnly);
    view! {
        <section class="card" aria-labelledby="passport-heading">
            <h2 id="passport-heading">"Health passport"</h2>
            <span class="check">
                <input
                    type="checkbox"
                    id="in-passport"
                    aria-describedby="in-passport-hint"
                    prop:checked=ticked
                    on:change=move |ev| {
                        let yes = event_target_checked(&ev);
                        let ok = if yes { "Added to your passport." } else { "Taken out of your passport." };
                        save(id, one("in_passport", Value::Bool(yes)), fields, said, ok);
                    }
                />
                <label for="in-passport">"Put in my health passport"</label>
            </span>
            <p class="hint" id="in-passport-hint">
                {move || if only_me() {
                    "This is marked \"Only me\", so it won't be printed even if you tick this."
                } else {
                    "Your passport is a page you can print or save to show a new GP or dentist."
                }}
            </p>
            <p class="health-said" role="status">{move || said.get()}</p>
        </section>
    }
}

#[component]
pub fn MyNote(id: Uuid) -> impl IntoView {
    let fields = current(id);
    let said = RwSignal::new(None::<&'static str>);
    let text = RwSignal::new(entry(&fields).and_then(|e| e.my_note).unwrap_or_default());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked().trim().to_string();
        let value = if t.is_empty() { Value::Null } else { Value::String(t) };
        save(id, one("my_note", value), fields, said, "Your notes are saved.");
    };
    view! {
        <section class="card" aria-labelledby="note-heading">
            <h2 id="note-heading">"My notes"</h2>
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="my-note">"Anything you want to remember about this"</label>
                    <p class="hint" id="my-note-hint">"Whoever can see this entry can read your notes too."</p>
                    <textarea
                        id="my-note"
                        rows="3"
                        aria-describedby="my-note-hint my-note-said"
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            said.set(None);
                        }
                    ></textarea>
                </div>
                <button type="submit" class="button">"Save my notes"</button>
                <p class="health-said" id="my-note-said" role="status">{move || said.get()}</p>
            </form>
        </section>
    }
}
