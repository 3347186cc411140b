//! Items the council no longer offers that the young person had tracked:
//! still listed under My offer with where she got to and her note, so
//! nothing she wrote disappears when the offer changes.

use leptos::prelude::*;
use pathway_model::entitlement::Entitlement;
use pathway_model::offer::editor::RetiredItem;

use crate::store::use_sync;

#[component]
pub fn NoLongerOffered(retired: Vec<RetiredItem>) -> impl IntoView {
    let sync = use_sync();
    let tracked = move || {
        sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == Entitlement::KIND)
                .filter_map(|r| Entitlement::from_fields(&r.fields))
                .filter_map(|e| retired.iter().find(|i| i.id == e.item_id).map(|i| (i.title.clone(), e)))
                .collect::<Vec<_>>()
        })
    };
    move || {
        let list = tracked();
        (!list.is_empty()).then(|| {
            view! {
                <section class="offer-section" aria-labelledby="gone-heading">
                    <h2 id="gone-heading">"No longer offered"</h2>
                    <p>"Your council stopped offering these. What you tracked is kept here. Ask your PA if you need help."</p>
                    <ul class="offer-list">
                        {list.into_iter().map(|(title, e)| view! {
                            <li class="offer-card">
                                <h3 class="offer-card__title">{title}</h3>
                                <p class="offer-card__status">"Your tracker: "<strong>{e.status.label()}</strong></p>
                                {e.note.map(|n| view! { <p>"Your note: "{n}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
