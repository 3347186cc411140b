use leptos::prelude::*;
use pathway_model::entitlement::Entitlement;
use pathway_model::offer::OfferItem;
use uuid::Uuid;

use super::book::use_offer;
use crate::store::use_sync;
use crate::words;

/// One line of a young person's tracker, as their PA reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// "A laptop and data — Got it".
    pub what: String,
    /// "Since 22 November 2026", when there is a date.
    pub since: Option<String>,
    pub note: Option<String>,
}

/// The tracker records as rows, named by the item's title where the PA's
/// copy of the offer has it (it is the same council's), most recent first.
pub fn rows(tracked: &[Entitlement], items: &[OfferItem]) -> Vec<Row> {
    // A handful of records: insertion, not a library sort (which would add
    // several KB of wasm for this one type).
    let mut sorted: Vec<&Entitlement> = Vec::with_capacity(tracked.len());
    for e in tracked {
        let at = sorted.iter().position(|s| (&e.date, &s.item_id) > (&s.date, &e.item_id)).unwrap_or(sorted.len());
        sorted.insert(at, e);
    }
    sorted
        .into_iter()
        .map(|e| {
            let title = items
                .iter()
                .find(|i| i.id == e.item_id && i.council_id == e.council_id)
                .map(|i| i.title.clone())
                .unwrap_or_else(|| e.item_id.clone());
            let since = e
                .date
                .as_deref()
                .and_then(pathway_model::date::parse)
                .map(|d| format!("Since {}", words::readable_date(d)));
            Row { what: format!("{title} — {}", e.status.label()), since, note: e.note.clone() }
        })
        .collect()
}

/// "Their offer tracker" on a young person's page: what they have asked
/// for, got, or decided is not for them. Read-only: the tracker is theirs.
/// From this device's store, so it shows offline too.
#[component]
pub fn PaOfferTracker(owner: Uuid) -> impl IntoView {
    let sync = use_sync();
    let offer = use_offer();
    let rows = move || {
        let tracked: Vec<Entitlement> = sync.records.with(|rs| {
            rs.values()
                .filter(|r| r.entity == Entitlement::KIND && r.owner_id == Some(owner))
                .filter_map(|r| Entitlement::from_fields(&r.fields))
                .collect()
        });
        offer.shown.with(|l| rows(&tracked, l.as_ref().map(|l| l.book.items.as_slice()).unwrap_or(&[])))
    };
    view! {
        <section class="card" aria-labelledby="offer-tracker-heading">
            <h2 id="offer-tracker-heading">"Their offer tracker"</h2>
            <Show
                when=move || !rows().is_empty()
                fallback=move || view! {
                    <p>{move || if sync.ready.get() { "Nothing tracked yet." } else { "Loading…" }}</p>
                }
            >
                <ul class="tracker-list">
                    {move || rows().into_iter().map(|r| view! {
                        <li>
                            <p class="tracker-list__what">{r.what}</p>
                            {r.since.map(|s| view! { <p class="tracker-list__since">{s}</p> })}
                            {r.note.map(|n| view! { <p class="tracker-list__note">{n}</p> })}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::entitlement::TrackerStatus;
    use pathway_model::offer::{Category, Eligibility, OfferContact};

    fn tracked(item: &str, status: TrackerStatus, date: Option<&str>) -> Entitlement {
        Entitlement {
            council_id: "liverpool".into(),
            item_id: item.into(),
            status,
            date: date.map(str::to_string),
            note: None,
        }
    }

    fn laptop() -> OfferItem {
        OfferItem {
            id: "laptop-and-data".into(),
            council_id: "liverpool".into(),
            category: Category::EducationTraining,
            title: "A laptop and data".into(),
            summary: String::new(),
            details: String::new(),
            eligibility: Eligibility::default(),
            how_to_claim: String::new(),
            contact: OfferContact::default(),
            amount: None,
            source: None,
            last_reviewed: "2026-01-01".parse().unwrap(),
            sample: true,
        }
    }

    #[test]
    fn rows_name_the_item_and_status_newest_first() {
        let got = rows(
            &[
                tracked("laptop-and-data", TrackerStatus::Claimed, Some("2026-11-22")),
                tracked("gone-item", TrackerStatus::Asked, Some("2026-12-01")),
                tracked("no-date", TrackerStatus::NotForMe, None),
            ],
            &[laptop()],
        );
        assert_eq!(got[0].what, "gone-item — Asked");
        assert_eq!(
            got[1],
            Row {
                what: "A laptop and data — Got it".into(), since: Some("Since 22 November 2026".into()), note: None
            }
        );
        assert_eq!(got[2].what, "no-date — Not for me");
        assert_eq!(got[2].since, None);
    }
}
