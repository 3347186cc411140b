use leptos::prelude::*;
use pathway_model::health::HealthKind;

use super::card::EntryList;
use super::nav::HealthNav;
use super::records::{Item, PASSPORT_ORDER, items, kind_heading, of_kind};
use crate::i18n::{k, t, tp};
use crate::router::A;
use crate::store::use_sync;

/// What a new GP or dentist asks first, in this order.
pub const FIRST: [HealthKind; 4] =
    [HealthKind::Allergy, HealthKind::Medicine, HealthKind::Condition, HealthKind::Practitioner];

/// "Jabs (immunisations): 2 things", for the kinds after the first four.
pub fn more_links(all: &[Item]) -> Vec<(HealthKind, String)> {
    PASSPORT_ORDER
        .into_iter()
        .filter(|kind| !FIRST.contains(kind))
        .map(|kind| {
            let n = all.iter().filter(|i| i.entry.kind == kind).count() as u32;
            (kind, tp(k::HEALTH_SUMMARY_KIND_COUNT, n, &[("kind", kind_heading(kind))]))
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
        <h1>{t(k::HEALTH_TITLE)}</h1>
        <p class="health-lead">{t(k::HEALTH_SUMMARY_LEAD)}</p>
        <Show
            when=move || sync.ready.get()
            fallback=|| view! { <p class="loading" role="status">{t(k::HEALTH_LOADING)}</p> }
        >
            {FIRST.into_iter().map(|kind| view! { <SummarySection kind=kind all=all/> }).collect_view()}
            <section class="card" aria-labelledby="summary-more">
                <h2 id="summary-more">{t(k::HEALTH_SUMMARY_MORE_HEADING)}</h2>
                <ul class="health-links">
                    {move || all.with(|a| more_links(a).into_iter().map(|(kind, words)| view! {
                        <li><A href=format!("/health/kind/{}", kind.as_str())>{words}</A></li>
                    }).collect_view())}
                </ul>
                <p><A href="/health/timeline">{t(k::HEALTH_SUMMARY_BY_DATE)}</A></p>
                <p><A href="/health/emergency">{t(k::HEALTH_EMERGENCY_CARD)}</A></p>
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
                <A href=format!("/health/kind/{}", kind.as_str())>{kind_heading(kind)}</A>
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
