use leptos::prelude::*;
use pathway_model::health::{HealthKind, Visibility};

use super::records::{Item, date_words, extra_words, kind_add, kind_empty, kind_name, phone_words, recorded_words};
use crate::i18n::{k, t, tf};
use crate::links::tel_href;
use crate::router::A;

/// One entry in a list: its title (a link to the whole entry), date, the
/// kind's own detail, who recorded it, and a mark if only the young person
/// can see it. `show_kind`: say what kind it is (the timeline mixes kinds).
#[component]
pub fn EntryCard(item: Item, #[prop(optional)] show_kind: bool) -> impl IntoView {
    let e = item.entry;
    let href = format!("/health/entry/{}", item.id);
    let kind = show_kind.then(|| view! { <p class="health-card__kind">{kind_name(e.kind)}</p> });
    let when = date_words(e.date.as_deref());
    let phone = (e.kind == HealthKind::Practitioner).then_some(e.phone.clone()).flatten().map(|p| {
        view! {
            <p class="health-card__phone">
                <a href=tel_href(&p) aria-label=tf(k::HEALTH_CARD_CALL_LABEL, &[("name", &e.title), ("phone", &p)])>
                    {tf(k::HEALTH_CALL, &[("phone", &phone_words(&p))])}
                </a>
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
            {only_me.then(|| view! { <p class="health-card__only-me">{t(k::HEALTH_CARD_ONLY_ME)}</p> })}
            {item.pending.then(|| view! { <p class="health-card__pending">{t(k::HEALTH_CARD_NOT_SYNCED)}</p> })}
        </li>
    }
}

/// A list of entries, or what to ask for (and whom) when there are none.
#[component]
pub fn EntryList(items: Vec<Item>, kind: Option<HealthKind>, #[prop(optional)] show_kind: bool) -> impl IntoView {
    if items.is_empty() {
        let hint = kind.map_or(t(k::HEALTH_LIST_EMPTY), kind_empty);
        let add = kind.map(|kind| {
            view! { <p><A href=format!("/health/add?kind={}", kind.as_str())>{kind_add(kind)}</A></p> }
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
