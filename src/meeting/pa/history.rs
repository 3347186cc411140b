//! On her page: the contacts recorded with her, newest first (date, how,
//! what we talked about), from this laptop's copy of her records.

use leptos::prelude::*;
use pathway_model::meeting::contact::Contact;
use pathway_model::sync::replica::LocalRecord;
use std::collections::BTreeMap;
use uuid::Uuid;

use crate::store::use_sync;
use crate::words::readable_date;

/// Her contacts, newest first.
pub fn contacts_of(records: &BTreeMap<Uuid, LocalRecord>, owner: Uuid) -> Vec<Contact> {
    let mut all: Vec<Contact> = records
        .values()
        .filter(|r| r.entity == Contact::KIND && r.owner_id == Some(owner))
        .filter_map(|r| Contact::from_fields(&r.fields))
        .collect();
    // Newest first; the same day keeps the order they were made in.
    pathway_model::order::sort_by_key(&mut all, |c| std::cmp::Reverse(c.date.clone()));
    all
}

#[component]
pub fn ContactHistory(owner: Uuid) -> impl IntoView {
    let sync = use_sync();
    let contacts = Memo::new(move |_| sync.records.with(|rs| contacts_of(rs, owner)));
    view! {
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">"Contacts"</h2>
            <Show
                when=move || !contacts.with(Vec::is_empty)
                fallback=move || view! {
                    <p>{move || if sync.ready.get() { "No contacts recorded yet." } else { "Loading…" }}</p>
                }
            >
                <ul class="history">
                    {move || contacts.get().into_iter().map(|c| {
                        let day = c.day().map(readable_date).unwrap_or_else(|| c.date.clone());
                        let summary = c.summary.clone().or_else(|| c.place.clone().map(|p| format!("At {p}")));
                        view! {
                            <li class="history__item">
                                <p class="history__when">
                                    <strong>{day}</strong>" · "{c.how.words()}
                                </p>
                                {summary.map(|s| view! { <p class="history__summary">{s}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
