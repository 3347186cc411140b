//! On her page: the actions agreed with her, with who and by when, and
//! whether each is done. The PA ticks his own and writes how it is going;
//! she ticks hers on her phone. From this laptop's copy of her records.

use leptos::prelude::*;
use pathway_model::meeting::action::{self, ActionOwner, AgreedAction, AgreedActionChange, PROGRESS_MAX};
use pathway_model::role::Role;
use uuid::Uuid;

use crate::store::{Save, use_sync};
use crate::ui::form::Checkbox;
use crate::words::readable_date;

/// Who does it, on the PA's own page: "Jade", "You", "Housing team".
fn who(a: &AgreedAction, first_name: &str) -> String {
    match a.owner {
        ActionOwner::YoungPerson => first_name.to_string(),
        ActionOwner::Advisor => "You".into(),
        ActionOwner::SomeoneElse => a.owner_name.clone().unwrap_or_default(),
    }
}

#[component]
pub fn PaActions(owner: Uuid, #[prop(into)] first_name: Signal<String>) -> impl IntoView {
    let sync = use_sync();
    let ids = Memo::new(move |_| {
        sync.records.with(|rs| {
            let mut open: Vec<(bool, String, Uuid)> = rs
                .values()
                .filter(|r| r.entity == AgreedAction::KIND && r.owner_id == Some(owner))
                .filter_map(|r| AgreedAction::from_fields(&r.fields).map(|a| (a.done, a.by_when, r.id)))
                .collect();
            // Still to do first, soonest first.
            pathway_model::order::sort_by_key(&mut open, |(done, by, _)| (*done, by.clone()));
            open.into_iter().map(|(_, _, id)| id).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" aria-labelledby="agreed-heading">
            <h2 id="agreed-heading">"What we agreed"</h2>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=move || view! {
                    <p>{move || if sync.ready.get() { "Nothing agreed yet." } else { "Loading…" }}</p>
                }
            >
                <ul class="agreed-list">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <ActionRow id=id first_name=first_name/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn ActionRow(id: Uuid, first_name: Signal<String>) -> impl IntoView {
    let sync = use_sync();
    let record = Memo::new(move |_| sync.records.with(|rs| rs.get(&id).map(|r| r.fields.clone())));
    let action = Memo::new(move |_| record.with(|f| f.as_ref().and_then(AgreedAction::from_fields)));
    let get = move |f: fn(&AgreedAction) -> String| action.with(|a| a.as_ref().map(f).unwrap_or_default());
    let what = move || get(|a| a.what.clone());
    let done = move || action.with(|a| a.as_ref().is_some_and(|a| a.done));
    let mine = move || action.with(|a| a.as_ref().is_some_and(|a| a.owner == ActionOwner::Advisor));
    let line = move || {
        action.with(|a| {
            a.as_ref().map(|a| {
                let by = a.by_day().map(readable_date).unwrap_or_default();
                format!("{}, by {by}", first_name.with(|n| who(a, n)))
            })
        })
    };
    let save = Save::new();
    let tick = move |yes: bool| {
        let change = AgreedActionChange { done: Some(yes), ..Default::default() };
        save.put(Ok(change.into_fields()), AgreedAction::KIND, id, || ());
    };
    let progress = RwSignal::new(get(|a| a.progress.clone().unwrap_or_default()));
    let saved = RwSignal::new(false);
    let save_progress = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = progress.get_untracked();
        let text = text.trim();
        let fields =
            AgreedActionChange { progress: Some((!text.is_empty()).then(|| text.to_string())), ..Default::default() }
                .into_fields();
        let checked = record.with_untracked(|cur| action::check_put(Role::Advisor, &fields, cur.as_ref()));
        saved.set(false);
        let checked = checked.map(|()| fields).map_err(|_| "How it is going can have up to 300 characters.");
        save.put(checked, AgreedAction::KIND, id, move || saved.set(true));
    };
    let box_id = format!("action-done-{id}");
    let progress_id = format!("action-progress-{id}");
    view! {
        <li class="agreed-list__item" class:agreed-list__item--done=done>
            <p class="agreed-list__what">{what}</p>
            <p class="hint">{line}</p>
            <p class="agreed-list__state">{move || if done() { "Done" } else { "To do" }}</p>
            <Show when=move || !mine()>
                {move || action.with(|a| a.as_ref().and_then(|a| a.progress.clone())).map(|p| view! {
                    <p class="agreed-list__progress">{format!("Progress: {p}")}</p>
                })}
            </Show>
            <p class="error-message">{move || save.problem()}</p>
            <Show when=mine>
                <Checkbox
                    id=box_id.clone()
                    label="I've done this"
                    name_for_readers=Signal::derive(move || format!("I've done this: {}", what()))
                    checked=Signal::derive(done)
                    on_change=tick
                />
                <form class="inline-form" on:submit=save_progress>
                    <div class="field">
                        <label for=progress_id.clone()>"How it is going"</label>
                        <input
                            type="text"
                            id=progress_id.clone()
                            autocomplete="off"
                            maxlength=PROGRESS_MAX.to_string()
                            aria-label=move || format!("How it is going: {}", what())
                            prop:value=move || progress.get()
                            on:input=move |ev| progress.set(event_target_value(&ev))
                        />
                    </div>
                    <button
                        type="submit"
                        class="button button--secondary button--small"
                        aria-label=move || format!("Save how it is going: {}", what())
                    >
                        "Save"
                    </button>
                    <p role="status" class="hint">{move || saved.get().then_some("Saved.")}</p>
                </form>
            </Show>
        </li>
    }
}
