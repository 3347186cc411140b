use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::people::MyPa;
use pathway_model::sync::EntityKind;
use uuid::Uuid;

use super::{SyncNotices, check_text, topic_of};
use crate::store::use_sync;

/// "Things to talk about with Sam": the young person's own list, under the
/// PA card on Home.
#[component]
pub fn TopicsSection(my_pa: RwSignal<Option<MyPa>>) -> impl IntoView {
    let sync = use_sync();
    let heading = move || match my_pa.get().and_then(|p| p.advisor) {
        Some(pa) => match pa.name.split_whitespace().next() {
            Some(first) => format!("Things to talk about with {first}"),
            None => "Things to talk about with your PA".to_string(),
        },
        None => "Things to talk about at your next meeting".to_string(),
    };
    let ids = Memo::new(move |_| {
        sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == EntityKind::Topic)
                .map(|r| r.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card topics" aria-labelledby="topics-heading">
            <h2 id="topics-heading">{heading}</h2>
            <p class="hint">"Anything you want to ask or talk about. Only you and your PA can see this list."</p>
            <SyncNotices owner=None/>
            <AddTopic/>
            <Show
                when=move || !ids.with(|i| i.is_empty())
                fallback=move || view! {
                    <p class="topics__empty">
                        {move || if sync.ready.get() { "Nothing here yet." } else { "Loading your list…" }}
                    </p>
                }
            >
                <ul class="topics__list">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <TopicItem id=id/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn AddTopic() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let input = NodeRef::<leptos::html::Textarea>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_text(&text.get_untracked()) {
            Err(p) => {
                problem.set(Some(p));
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                }
            }
            Ok(t) => {
                problem.set(None);
                spawn_local(async move {
                    match super::add(t).await {
                        Ok(()) => text.set(String::new()),
                        Err(e) => problem.set(Some(e.words())),
                    }
                });
            }
        }
    };
    view! {
        <form class="topics__add" on:submit=on_submit novalidate>
            <div class="field">
                <label for="new-topic">"Something to talk about"</label>
                <p class="error-message" id="new-topic-problem">{move || problem.get()}</p>
                <textarea
                    id="new-topic"
                    rows="2"
                    maxlength="500"
                    node_ref=input
                    aria-describedby="new-topic-problem"
                    aria-invalid=move || problem.get().is_some().then_some("true")
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        problem.set(None);
                    }
                ></textarea>
            </div>
            <button type="submit" class="button">"Add"</button>
        </form>
    }
}

/// One topic: its words, and what the young person can do with it.
#[component]
fn TopicItem(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let record = Memo::new(move |_| sync.records.with(|rs| rs.get(&id).cloned()));
    // Plain closures over the one memo: each memo type adds code to the
    // wasm, and reading a topic from its fields is cheap.
    let topic = move || record.with(|r| r.as_ref().and_then(topic_of));
    let pending = move || record.with(|r| r.as_ref().is_some_and(|r| r.pending));
    let text = move || topic().map(|t| t.text).unwrap_or_default();
    let done = move || topic().is_some_and(|t| t.done);
    let talked = move || topic().is_some_and(|t| t.talked_about);
    let editing = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let done_id = format!("topic-done-{id}");

    let toggle_done = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        spawn_local(async move {
            if let Err(e) = super::set_done(id, checked).await {
                problem.set(Some(e.words()));
            }
        });
    };
    let remove = move |_| {
        spawn_local(async move {
            if let Err(e) = super::delete(id).await {
                problem.set(Some(e.words()));
            }
        });
    };

    view! {
        <li class="topic" class:topic--done=done>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p class="topic__text">{text}</p>
                    <Show when=talked>
                        <p class="topic__talked">"Talked about with your PA"</p>
                    </Show>
                    <Show when=pending>
                        <p class="topic__pending">"Not sent yet"</p>
                    </Show>
                }
            >
                <EditTopic id=id start=text() editing=editing/>
            </Show>
            <p class="error-message">{move || problem.get()}</p>
            <Show when=move || !editing.get()>
                <div class="topic__actions">
                    <span class="check">
                        <input
                            type="checkbox"
                            id=done_id.clone()
                            aria-label=move || format!("Done: {}", text())
                            prop:checked=done
                            on:change=toggle_done
                        />
                        <label for=done_id.clone()>"Done"</label>
                    </span>
                    <button
                        type="button"
                        class="button button--small button--secondary"
                        aria-label=move || format!("Edit: {}", text())
                        on:click=move |_| editing.set(true)
                    >
                        "Edit"
                    </button>
                    <button
                        type="button"
                        class="button button--small button--secondary"
                        aria-label=move || format!("Delete: {}", text())
                        on:click=remove
                    >
                        "Delete"
                    </button>
                </div>
            </Show>
        </li>
    }
}

#[component]
fn EditTopic(id: Uuid, start: String, editing: RwSignal<bool>) -> impl IntoView {
    let text = RwSignal::new(start);
    let problem = RwSignal::new(None::<&'static str>);
    let field_id = format!("topic-edit-{id}");
    let problem_id = format!("topic-edit-problem-{id}");
    let input = NodeRef::<leptos::html::Textarea>::new();
    // Start typing where the words are.
    input.on_load(|el| {
        let _ = el.focus();
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_text(&text.get_untracked()) {
            Err(p) => problem.set(Some(p)),
            Ok(t) => spawn_local(async move {
                match super::set_text(id, t).await {
                    Ok(()) => editing.set(false),
                    Err(e) => problem.set(Some(e.words())),
                }
            }),
        }
    };
    view! {
        <form class="topic__edit" on:submit=on_submit novalidate>
            <div class="field">
                <label for=field_id.clone()>"Change this topic"</label>
                <p class="error-message" id=problem_id.clone()>{move || problem.get()}</p>
                <textarea
                    id=field_id
                    rows="3"
                    maxlength="500"
                    node_ref=input
                    aria-describedby=problem_id
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        problem.set(None);
                    }
                ></textarea>
            </div>
            <div class="topic__actions">
                <button type="submit" class="button button--small">"Save"</button>
                <button type="button" class="button button--small button--secondary" on:click=move |_| editing.set(false)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
