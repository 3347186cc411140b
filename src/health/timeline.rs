use leptos::prelude::*;

use super::card::EntryList;
use super::nav::HealthNav;
use super::records::{Item, items, year_of};
use crate::i18n::{k, t};
use crate::store::use_sync;

/// Entries grouped by year, newest year first, "No date" last; each group
/// keeps the entries' order (newest first).
pub fn by_year(items: Vec<Item>) -> Vec<(String, Vec<Item>)> {
    let mut groups: Vec<(String, Vec<Item>)> = Vec::new();
    for item in items {
        let year = year_of(&item.entry);
        match groups.last_mut() {
            Some((y, list)) if *y == year => list.push(item),
            _ => groups.push((year, vec![item])),
        }
    }
    groups
}

/// `/health/timeline`: every entry, by date.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let sync = use_sync();
    let groups = move || sync.records.with(|rs| by_year(items(rs, None)));
    view! {
        <HealthNav/>
        <h1>{t(k::HEALTH_TIMELINE_HEADING)}</h1>
        <p class="health-lead">{t(k::HEALTH_TIMELINE_LEAD)}</p>
        <Show
            when=move || sync.ready.get()
            fallback=|| view! { <p class="loading" role="status">{t(k::HEALTH_LOADING)}</p> }
        >
            {move || {
                let groups = groups();
                if groups.is_empty() {
                    return view! {
                        <p class="health-empty">{t(k::HEALTH_TIMELINE_EMPTY)}</p>
                    }.into_any();
                }
                groups.into_iter().map(|(year, list)| {
                    // "No date" is in the page's language: not part of an id.
                    let dated = year.bytes().all(|b| b.is_ascii_digit());
                    let id = if dated { format!("year-{year}") } else { "year-none".to_string() };
                    let id_label = id.clone();
                    view! {
                        <section class="health-year" aria-labelledby=id_label>
                            <h2 id=id>{year}</h2>
                            <EntryList items=list kind=None show_kind=true/>
                        </section>
                    }
                }).collect_view().into_any()
            }}
        </Show>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::health::HealthEntry;
    use serde_json::json;
    use uuid::Uuid;

    fn item(title: &str, date: Option<&str>) -> Item {
        let f = json!({"kind": "note", "author": "me", "title": title, "date": date, "recorded_by": "Jade", "visibility": "me_only"});
        Item { id: Uuid::nil(), entry: HealthEntry::from_fields(f.as_object().unwrap()).unwrap(), pending: false }
    }

    #[test]
    fn entries_are_grouped_by_year_with_undated_last() {
        let groups = by_year(vec![
            item("a", Some("2024-05-01")),
            item("b", Some("2024-01-01")),
            item("c", Some("2012-01-01")),
            item("d", None),
        ]);
        let shape: Vec<(String, usize)> = groups.iter().map(|(y, l)| (y.clone(), l.len())).collect();
        assert_eq!(shape, [("2024".into(), 2), ("2012".into(), 1), ("No date".into(), 1)]);
    }
}
