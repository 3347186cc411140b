//! The agenda column of the meeting: one group per source, and for each
//! item a "Talked about" tick and a line of notes. The ticks and notes live
//! on this screen until "End meeting".

use std::collections::BTreeMap;

use leptos::prelude::*;
use uuid::Uuid;

use super::agenda::{Group, Item, Source, build};
use crate::offer::use_offer;
use crate::store::use_sync;

/// The tick and the notes of one item.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    pub talked: RwSignal<bool>,
    pub notes: RwSignal<String>,
}

/// The ticks and notes of the whole agenda, by item.
#[derive(Debug, Clone, Copy)]
pub struct Marks(StoredValue<BTreeMap<Uuid, Mark>>);

impl Marks {
    pub fn new() -> Self {
        Marks(StoredValue::new(BTreeMap::new()))
    }

    /// Every item's tick and notes; read in an effect, it tracks them.
    pub fn tracked(&self) -> Vec<(Uuid, bool, String)> {
        self.0.with_value(|all| all.iter().map(|(k, m)| (*k, m.talked.get(), m.notes.get())).collect())
    }

    /// The item's mark, made the first time it is asked for.
    pub fn of(&self, key: Uuid) -> Mark {
        if let Some(m) = self.0.with_value(|all| all.get(&key).copied()) {
            return m;
        }
        let m = Mark { talked: RwSignal::new(false), notes: RwSignal::new(String::new()) };
        self.0.update_value(|all| {
            all.insert(key, m);
        });
        m
    }
}

/// Her agenda, from this laptop's copy of her records (so it builds with
/// no signal) and the PA's copy of the council's offer (for item names).
pub fn use_agenda(owner: Uuid) -> Memo<Vec<Item>> {
    let sync = use_sync();
    let offer = use_offer();
    Memo::new(move |_| {
        let today = crate::clock::today();
        sync.records.with(|rs| {
            let mine: Vec<Source> = rs
                .values()
                .filter(|r| r.owner_id == Some(owner))
                .map(|r| Source { kind: r.entity, id: r.id, fields: &r.fields })
                .collect();
            offer.shown.with(|o| {
                let items = o.as_ref().map(|o| o.book.items.as_slice()).unwrap_or(&[]);
                let title = |council: &str, item: &str| {
                    items.iter().find(|i| i.id == item && i.council_id == council).map(|i| i.title.clone())
                };
                build(&mine, title, today)
            })
        })
    })
}

#[component]
pub fn AgendaColumn(agenda: Memo<Vec<Item>>, marks: Marks, first_name: String) -> impl IntoView {
    let groups = Group::ALL.map(|g| (g, g.heading(&first_name)));
    view! {
        <section class="card meeting__agenda" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">"Agenda"</h2>
            <p class="hint">"Tick what you talked about. Your notes go in the record of this meeting."</p>
            <Show when=move || agenda.with(Vec::is_empty)>
                <p>"Nothing on the agenda yet. Write what you talked about below."</p>
            </Show>
            {groups.into_iter().map(|(group, heading)| {
                let items = move || agenda.with(|a| a.iter().filter(|i| i.group == group).cloned().collect::<Vec<_>>());
                view! {
                    <Show when=move || agenda.with(|a| a.iter().any(|i| i.group == group))>
                        <h3 class="agenda__group">{heading.clone()}</h3>
                        <ul class="agenda">
                            <For each=items key=|i| i.key let:item>
                                <AgendaItem mark=marks.of(item_key(&item)) item=item/>
                            </For>
                        </ul>
                    </Show>
                }
            }).collect_view()}
        </section>
    }
}

fn item_key(item: &Item) -> Uuid {
    item.key
}

#[component]
fn AgendaItem(item: Item, mark: Mark) -> impl IntoView {
    let tick_id = format!("agenda-{}", item.key);
    let notes_id = format!("agenda-notes-{}", item.key);
    let title = item.title.clone();
    view! {
        <li class="agenda__item">
            <div class="check agenda__tick">
                <input
                    type="checkbox"
                    id=tick_id.clone()
                    prop:checked=move || mark.talked.get()
                    on:change=move |ev| mark.talked.set(event_target_checked(&ev))
                />
                <label for=tick_id>
                    <span class="visually-hidden">"Talked about: "</span>
                    {item.title.clone()}
                </label>
            </div>
            {item.detail.map(|d| view! { <p class="agenda__detail">{d}</p> })}
            <div class="field agenda__notes">
                <label for=notes_id.clone()>"Notes"<span class="visually-hidden">{format!(" on {title}")}</span></label>
                <input
                    type="text"
                    id=notes_id
                    autocomplete="off"
                    maxlength="300"
                    prop:value=move || mark.notes.get()
                    on:input=move |ev| {
                        mark.notes.set(event_target_value(&ev));
                        // Notes on an item mean it was talked about.
                        mark.talked.set(true);
                    }
                />
            </div>
        </li>
    }
}
