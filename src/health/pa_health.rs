//! "Their health" on a PA's page for one young person: the entries the
//! young person lets them see (the server never sends "only me" ones),
//! corrections asked for with a box to answer, and a form to record a
//! professional entry. From this device's store, so it shows offline too.

use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::health::entry::HealthEntryChange;
use pathway_model::health::{Author, HealthEntry};
use pathway_model::sync::Fields;
use uuid::Uuid;

use super::entry_form::EntryForm;
use super::forget_on_typing;
use super::form::{checked, written};
use super::records::{capitalised, date_words, extra_words, items, recorded_words};
use crate::clock::now_ms;
use crate::state::use_app;
use crate::store::{Save, use_sync};
use crate::ui::form::TextArea;

/// The fields of a PA's answer to a correction request.
pub fn reply_fields(text: &str, now: i64, current: &Fields) -> Result<Fields, &'static str> {
    let text = written(text, "Write your answer first.")?;
    let change = HealthEntryChange {
        correction_reply: Some(Some(text)),
        correction_reply_at: Some(Some(now)),
        ..HealthEntryChange::default()
    };
    checked(Role::Advisor, change, current)
}

#[component]
pub fn PaHealth(owner: Uuid) -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let list = Memo::new(move |_| sync.records.with(|rs| items(rs, Some(owner))));
    let ids = move || list.with(|l| l.iter().map(|i| i.id).collect::<Vec<_>>());
    let recorded_by = state.me().map(|me| format!("{} {} (PA)", me.first_name, me.last_name)).unwrap_or_default();
    let said = RwSignal::new(None::<&'static str>);
    let on_saved =
        Callback::new(move |_id: Uuid| said.set(Some("Saved. They will see it once both your devices have synced.")));
    view! {
        <section class="card pa-health" aria-labelledby="pa-health-heading">
            <h2 id="pa-health-heading">"Their health"</h2>
            <p class="hint">"Only what they let you see. They choose who sees each entry, and can ask you to correct one."</p>
            <Show
                when=move || !list.with(|l| l.is_empty())
                fallback=move || view! {
                    <p>{move || if sync.ready.get() { "Nothing you can see yet." } else { "Loading…" }}</p>
                }
            >
                <ul class="health-list">
                    <For each=ids key=|id| *id let:id>
                        <PaEntry id=id/>
                    </For>
                </ul>
            </Show>
            <h3>"Record a health entry"</h3>
            <EntryForm role=Role::Advisor owner=Some(owner) recorded_by=recorded_by start_kind=None on_saved=on_saved/>
            <p class="health-said" role="status">{move || said.get()}</p>
        </section>
    }
}

#[component]
fn PaEntry(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let fields = Memo::new(move |_| sync.records.with(|rs| rs.get(&id).map(|r| r.fields.clone())));
    let entry = move || fields.with(|f| f.as_ref().and_then(HealthEntry::from_fields));
    view! {
        {move || entry().map(|e| {
            let line: Vec<String> = [Some(capitalised(e.kind.singular())), date_words(e.date.as_deref()), extra_words(&e), e.phone.clone()]
                .into_iter()
                .flatten()
                .collect();
            let by = if e.author == Author::Me { "Added by them".to_string() } else { recorded_words(&e) };
            view! {
                <li class="health-card">
                    <p class="health-card__title">{e.title.clone()}</p>
                    <p class="health-card__date">{line.join(" · ")}</p>
                    {e.details.clone().map(|d| view! { <p class="health-details">{d}</p> })}
                    <p class="health-card__by">{by}{e.source.clone().map(|s| format!(", from {s}"))}</p>
                    {e.my_note.clone().map(|n| view! { <p class="health-card__note">"Their note: "{n}</p> })}
                    {e.correction.is_some().then(|| view! { <CorrectionRequest id=id entry=e.clone() fields=fields/> })}
                </li>
            }
        })}
    }
}

#[component]
fn CorrectionRequest(id: Uuid, entry: HealthEntry, fields: Memo<Option<Fields>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let save = Save::new();
    // Nothing is said on success: the answer replaces the box.
    forget_on_typing(text, save, None);
    let open = entry.correction_open();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(now) = fields.get_untracked() else {
            return;
        };
        let checked = reply_fields(&text.get_untracked(), now_ms(), &now);
        save.put(checked, HealthEntryChange::KIND, id, || {});
    };
    view! {
        <div class="health-correction">
            <p class="health-correction__label">
                {if open { "They asked for a correction:" } else { "They asked for a correction, and you answered:" }}
            </p>
            <p class="health-correction__text">{entry.correction.clone()}</p>
            {(!open).then(|| view! { <p class="health-correction__text">{entry.correction_reply.clone()}</p> })}
            {open.then(|| view! {
                <form on:submit=on_submit novalidate>
                    <TextArea
                        id=format!("reply-{id}")
                        label=format!("Your answer about {}", entry.title)
                        value=text
                        problem=Signal::derive(move || save.problem())
                        rows=3
                    />
                    <button type="submit" class="button button--small" disabled=move || save.saving()>"Send answer"</button>
                </form>
            })}
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_pa_answers_a_correction_with_the_models_rules() {
        let e = json!({"kind": "allergy", "author": "professional", "title": "Penicillin",
                       "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa", "correction": "It was amoxicillin"});
        let e = e.as_object().unwrap();
        let f = reply_fields(" Thanks, I'll check the assessment ", 1_790_000_000_000, e).unwrap();
        assert_eq!(f["correction_reply"], json!("Thanks, I'll check the assessment"));
        assert_eq!(reply_fields("", 1_790_000_000_000, e), Err("Write your answer first."));
        assert_eq!(
            reply_fields(&"x".repeat(1001), 1_790_000_000_000, e),
            Err("Keep this to 1,000 letters and spaces or fewer.")
        );
    }
}
