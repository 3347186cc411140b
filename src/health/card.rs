use leptos::prelude::*;
use leptos_router::components::A;
use pathway_model::health::{HealthKind, Visibility};

use super::records::{Item, capitalised, date_words, extra_words, recorded_words};
use crate::links::tel_href;

/// One entry in a list: its title (a link to the whole entry), date, the
/// kind's own detail, who recorded it, and a mark if only the young person
/// can see it. `show_kind`: say what kind it is (the timeline mixes kinds).
#[component]
pub fn EntryCard(item: Item, #[prop(optional)] show_kind: bool) -> impl IntoView {
    let e = item.entry;
    let href = format!("/health/entry/{}", item.id);
    let kind = show_kind.then(|| view! { <p class="health-card__kind">{capitalised(e.kind.singular())}</p> });
    let when = date_words(e.date.as_deref());
    let phone = (e.kind == HealthKind::Practitioner).then_some(e.phone.clone()).flatten().map(|p| {
        view! {
            <p class="health-card__phone">
                <a href=tel_href(&p) aria-label=format!("Call {}: {p}", e.title)>{format!("Call {p}")}</a>
            </p>
        }
    });
    let extra = extra_words(&e);
    let by = recorded_words(&e);
    let only_me = e.visibility == Visibility::MeOnly;
    view! {
        <li class="health-card">
            {kind}
            <p class="health-card__title"><A href=href>{e.title}</A></p>
            {when.map(|w| view! { <p class="health-card__date">{w}</p> })}
            {extra.map(|x| view! { <p class="health-card__extra">{x}</p> })}
            {phone}
            <p class="health-card__by">{by}</p>
            {only_me.then(|| view! { <p class="health-card__only-me">"Only you can see this"</p> })}
            {item.pending.then(|| view! { <p class="health-card__pending">"Not synced yet"</p> })}
        </li>
    }
}

/// A list of entries, or what to ask for (and whom) when there are none.
#[component]
pub fn EntryList(items: Vec<Item>, kind: Option<HealthKind>, #[prop(optional)] show_kind: bool) -> impl IntoView {
    if items.is_empty() {
        let hint = kind.map(|k| k.empty_hint()).unwrap_or("Nothing here yet.");
        let add = kind.map(|k| {
            view! { <p><A href=format!("/health/add?kind={}", k.as_str())>{format!("Add {}", a_or_an(k.singular()))}</A></p> }
        });
        return view! {
            <p class="health-empty">{hint}</p>
            {add}
        }
        .into_any();
    }
    view! {
        <ul class="health-list">
            {items.into_iter().map(|item| view! { <EntryCard item=item show_kind=show_kind/> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// "an allergy", "a jab".
pub fn a_or_an(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}
