use leptos::prelude::*;
use pathway_model::people::MyPa;
use pathway_model::topic::{TEXT_MAX, Topic, TopicChange};
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::slices::growing_count;
use super::{SyncNotices, check_text, new_topic, topic_of};
use crate::i18n::{k, t, tf};
use crate::store::{Save, SaveState, use_sync};
use crate::ui::form::{Checkbox, TextArea};

/// "Things to talk about with Sam": the young person's own list, under the
/// PA card on Home.
#[component]
pub fn TopicsSection(my_pa: RwSignal<Option<MyPa>>) -> impl IntoView {
    let sync = use_sync();
    let heading = move || match my_pa.get().and_then(|p| p.advisor) {
        Some(pa) => match pa.name.split_whitespace().next() {
            Some(first) => tf(k::TOPIC_LIST_HEADING_WITH_PA, &[("name", first)]),
            None => t(k::TOPIC_LIST_HEADING_YOUR_PA).to_string(),
        },
        None => t(k::TOPIC_LIST_HEADING_NEXT_MEETING).to_string(),
    };
    let ids = Memo::new(move |_| {
        sync.records.with(|rs| rs.values().filter(|r| r.entity == Topic::KIND).map(|r| r.id).collect::<Vec<_>>())
    });
    // Years of topics are hundreds: drawn a slice per task (see `slices`).
    let drawn = growing_count(Memo::new(move |_| ids.with(Vec::len)));
    view! {
        <section class="card topics" aria-labelledby="topics-heading">
            <h2 id="topics-heading">{heading}</h2>
            <p class="hint">{t(k::TOPIC_LIST_HINT)}</p>
            <SyncNotices owner=None/>
            <AddTopic/>
            <Show
                when=move || !ids.with(|i| i.is_empty())
                fallback=move || view! {
                    <p class="topics__empty">
                        {move || if sync.ready.get() { t(k::TOPIC_LIST_EMPTY) } else { t(k::TOPIC_LIST_LOADING) }}
                    </p>
                }
            >
                <ul class="topics__list">
                    <For each=move || ids.with(|i| i.iter().take(drawn.get()).copied().collect::<Vec<_>>()) key=|id| *id let:id>
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
    let save = Save::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = check_text(&text.get_untracked()).map(|t| new_topic(t).into_fields());
        let refused = checked.is_err();
        save.put(checked, TopicChange::KIND, Uuid::now_v7(), move || {
            text.try_set(String::new());
        });
        if refused {
            focus("new-topic");
        }
    };
    view! {
        <form class="topics__add" on:submit=on_submit on:input=move |_| forget_problem(save) novalidate>
            <TextArea id="new-topic" label=t(k::TOPIC_ADD_LABEL) value=text
                problem=Signal::derive(move || save.problem()) max=TEXT_MAX rows=2/>
            <button type="submit" class="button" disabled=move || save.saving()>{t(k::TOPIC_ADD_BUTTON)}</button>
        </form>
    }
}

/// Typing again answers the problem shown: stop showing it.
fn forget_problem(save: Save) {
    if matches!(save.state.get_untracked(), SaveState::Problem(_)) {
        save.state.set(SaveState::Idle);
    }
}

/// Puts the cursor in a field, so the person can type at once.
fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
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
    // The tick and "Delete": their result shows under the topic.
    let save = Save::new();
    let done_id = format!("topic-done-{id}");

    let toggle_done = move |yes: bool| {
        let tick = TopicChange { done: Some(yes), ..Default::default() };
        save.put(Ok(tick.into_fields()), TopicChange::KIND, id, || ());
    };
    let remove = move |_| save.delete(Topic::KIND, id, || ());

    view! {
        <li class="topic" class:topic--done=done>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p class="topic__text">{text}</p>
                    <Show when=talked>
                        <p class="topic__talked">{t(k::TOPIC_ITEM_TALKED_ABOUT)}</p>
                    </Show>
                    <Show when=pending>
                        <p class="topic__pending">{t(k::TOPIC_ITEM_NOT_SENT)}</p>
                    </Show>
                }
            >
                // The words when "Edit" was pressed, read untracked: a sync
                // changing the record must not rebuild the form and lose
                // what is being typed.
                <EditTopic id=id start=untrack(text) editing=editing/>
            </Show>
            <p class="error-message">{move || save.problem()}</p>
            <Show when=move || !editing.get()>
                <div class="topic__actions">
                    <Checkbox
                        id=done_id.clone()
                        label=t(k::TOPIC_ITEM_DONE)
                        name_for_readers=Signal::derive(move || tf(k::TOPIC_ITEM_DONE_NAMED, &[("topic", &text())]))
                        checked=Signal::derive(done)
                        on_change=toggle_done
                    />
                    <button
                        type="button"
                        class="button button--small button--secondary"
                        aria-label=move || tf(k::TOPIC_ITEM_EDIT_NAMED, &[("topic", &text())])
                        on:click=move |_| editing.set(true)
                    >
                        {t(k::TOPIC_ITEM_EDIT)}
                    </button>
                    <button
                        type="button"
                        class="button button--small button--secondary"
                        aria-label=move || tf(k::TOPIC_ITEM_DELETE_NAMED, &[("topic", &text())])
                        on:click=remove
                    >
                        {t(k::TOPIC_ITEM_DELETE)}
                    </button>
                </div>
            </Show>
        </li>
    }
}

#[component]
fn EditTopic(id: Uuid, start: String, editing: RwSignal<bool>) -> impl IntoView {
    let text = RwSignal::new(start);
    let save = Save::new();
    let field_id = format!("topic-edit-{id}");
    // Start typing where the words are (once the box is on the page).
    let first = field_id.clone();
    Effect::new(move |_| focus(&first));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = check_text(&text.get_untracked())
            .map(|t| TopicChange { text: Some(t), ..Default::default() }.into_fields());
        save.put(checked, TopicChange::KIND, id, move || {
            editing.try_set(false);
        });
    };
    view! {
        <form class="topic__edit" on:submit=on_submit on:input=move |_| forget_problem(save) novalidate>
            <TextArea id=field_id label=t(k::TOPIC_EDIT_LABEL) value=text
                problem=Signal::derive(move || save.problem()) max=TEXT_MAX rows=3/>
            <div class="topic__actions">
                <button type="submit" class="button button--small" disabled=move || save.saving()>{t(k::TOPIC_EDIT_SAVE)}</button>
                <button type="button" class="button button--small button--secondary" on:click=move |_| editing.set(false)>
                    {t(k::TOPIC_EDIT_CANCEL)}
                </button>
            </div>
        </form>
    }
}
