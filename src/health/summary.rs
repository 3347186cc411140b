use leptos::prelude::*;
use leptos_router::components::A;
use pathway_model::health::HealthKind;

use super::card::EntryList;
use super::nav::HealthNav;
use super::records::{Item, PASSPORT_ORDER, items, of_kind};
use crate::store::use_sync;

/// What a new GP or dentist asks first, in this order.
pub const FIRST: [HealthKind; 4] =
    [HealthKind::Allergy, HealthKind::Medicine, HealthKind::Condition, HealthKind::Practitioner];

/// "Jabs (immunisations): 2 things", for the kinds after the first four.
pub fn more_links(all: &[Item]) -> Vec<(HealthKind, String)> {
    PASSPORT_ORDER
        .into_iter()
        .filter(|k| !FIRST.contains(k))
        .map(|k| {
            let n = all.iter().filter(|i| i.entry.kind == k).count() as u32;
            (k, format!("{}: {}", k.heading(), crate::words::count(n, "entry", "entries")))
        })
        .collect()
}

/// `/health`: the summary.
#[component]
pub fn HealthPage() -> impl IntoView {
    let sync = use_sync();
    let all = Memo::new(move |_| sync.records.with(|rs| items(rs, None)));
    view! {
        <HealthNav/>
        <h1>"My health"</h1>
        <p class="health-lead">"The things a new GP or dentist would ask you."</p>
        <Show
            when=move || sync.ready.get()
            fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }
        >
            {FIRST.into_iter().map(|kind| view! { <SummarySection kind=kind all=all/> }).collect_view()}
            <section class="card" aria-labelledby="summary-more">
                <h2 id="summary-more">"More about my health"</h2>
                <ul class="health-links">
                    {move || all.with(|a| more_links(a).into_iter().map(|(k, words)| view! {
                        <li><A href=format!("/health/kind/{}", k.as_str())>{words}</A></li>
                    }).collect_view())}
                </ul>
                <p><A href="/health/timeline">"See everything by date"</A></p>
                <p><A href="/health/emergency">"Emergency card"</A></p>
            </section>
        </Show>
    }
}

#[component]
fn SummarySection(kind: HealthKind, all: Memo<Vec<Item>>) -> impl IntoView {
    let heading_id = format!("summary-{}", kind.as_str());
    let heading_id_label = heading_id.clone();
    view! {
        <section class="card health-section" aria-labelledby=heading_id_label>
            <h2 id=heading_id>
                <A href=format!("/health/kind/{}", kind.as_str())>{kind.heading()}</A>
            </h2>
            {move || all.with(|a| view! { <EntryList items=of_kind(a, kind) kind=Some(kind)/> })}
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_other_kinds_are_counted_in_passport_order() {
        let links = more_links(&[]);
        assert_eq!(links.len(), 5);
        assert_eq!(links[0].0, HealthKind::Immunisation);
        assert_eq!(links[0].1, "Jabs (immunisations): 0 entries");
        assert!(links.iter().all(|(k, _)| !FIRST.contains(k)));
    }
}
