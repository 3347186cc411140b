use leptos::prelude::*;
use pathway_model::topic::{Topic, TopicChange};
use uuid::Uuid;

use super::{SyncNotices, topic_of};
use crate::store::{Save, use_sync};
use crate::ui::form::Checkbox;

/// A young person's "things to talk about", as their PA sees them on their
/// page: the words are theirs, so read-only; the PA marks what was talked
/// about. Read from this device's store, so it shows offline too.
#[component]
pub fn PaTopics(owner: Uuid) -> impl IntoView {
    let sync = use_sync();
    let ids = Memo::new(move |_| {
        sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == Topic::KIND && r.owner_id == Some(owner))
                .map(|r| r.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card topics" aria-labelledby="topics-heading">
            <h2 id="topics-heading">"Things to talk about"</h2>
            <p class="hint">"Added by this young person. Tick \"Talked about\" when you have talked about one."</p>
            <SyncNotices owner=Some(owner)/>
            <Show
                when=move || !ids.with(|i| i.is_empty())
                fallback=move || view! {
                    <p class="topics__empty">
                        {move || if sync.ready.get() { "Nothing added yet." } else { "Loading the list…" }}
                    </p>
                }
            >
                <ul class="topics__list">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <PaTopicItem id=id/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn PaTopicItem(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let record = Memo::new(move |_| sync.records.with(|rs| rs.get(&id).cloned()));
    let topic = move || record.with(|r| r.as_ref().and_then(topic_of));
    let text = move || topic().map(|t| t.text).unwrap_or_default();
    let done = move || topic().is_some_and(|t| t.done);
    let talked = move || topic().is_some_and(|t| t.talked_about);
    let save = Save::new();
    let box_id = format!("topic-talked-{id}");
    let toggle = move |yes: bool| {
        let tick = TopicChange { talked_about: Some(yes), ..Default::default() };
        save.put(Ok(tick.into_fields()), TopicChange::KIND, id, || ());
    };
    view! {
        <li class="topic">
            <p class="topic__text">{text}</p>
            <Show when=done>
                <p class="topic__talked">"They ticked this off"</p>
            </Show>
            <p class="error-message">{move || save.problem()}</p>
            <div class="topic__actions">
                <Checkbox
                    id=box_id
                    label="Talked about"
                    name_for_readers=Signal::derive(move || format!("Talked about: {}", text()))
                    checked=Signal::derive(talked)
                    on_change=toggle
                />
            </div>
        </li>
    }
}
