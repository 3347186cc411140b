use std::collections::BTreeMap;

use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::entitlement::Entitlement;

use super::book::{IndexedOffer, OfferLoadWords, use_offer};
use super::card::OfferCard;
use super::category_label;
use super::sections::{self, Entry, Group};
use crate::clock::today;
use crate::i18n::{k, t, tf};
use crate::state::use_app;
use crate::store::use_sync;
use crate::ui::form::TextField;

/// `/offer`: for a young person, what is for them first, then what might
/// be, and on request the rest, each with the reason; for staff, their
/// council's whole offer. A search box above finds items as you type.
#[component]
pub fn OfferPage() -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let offer = use_offer();
    let shown = offer.shown;
    let young_person = state.me().is_some_and(|me| me.role == Role::YoungPerson);
    let today = today();

    let entries = Memo::new(move |_| {
        shown.with(|l| l.as_ref().map(|l| sections::assess_all(&l.book, today)).unwrap_or_default())
    });
    // The person's tracker, by item: only their own records.
    let statuses = Memo::new(move |_| {
        let mut out = BTreeMap::new();
        if young_person {
            sync.records.with(|rs| {
                for r in rs.values().filter(|r| r.entity == Entitlement::KIND) {
                    if let Some(e) = Entitlement::from_fields(&r.fields) {
                        out.insert(e.item_id, e.status);
                    }
                }
            });
        }
        out
    });

    let query = RwSignal::new(String::new());
    let searching = Memo::new(move |_| !query.with(|q| q.trim().is_empty()));
    let results = Memo::new(move |_| {
        if !searching.get() {
            return Vec::new();
        }
        let hits = shown.with(|l| query.with(|q| l.as_ref().map(|l| l.index.search(q)).unwrap_or_default()));
        entries.with(|e| sections::results(&hits, e))
    });
    let count = move || {
        if searching.get() { results.with(|r| sections::result_count(r.len())) } else { String::new() }
    };

    let card = move |l: &IndexedOffer, e: &Entry, level: u8| {
        let item = l.book.items[e.index].clone();
        let id = item.id.clone();
        let status = Signal::derive(move || statuses.with(|s| s.get(&id).copied()));
        match (e.verdict, e.reason.clone()) {
            (Some(v), Some(r)) => {
                view! { <OfferCard item=item verdict=v reason=r status=status level=level/> }.into_any()
            }
            _ => view! { <OfferCard item=item status=status level=level/> }.into_any(),
        }
    };

    let heading = move || match state.me() {
        Some(me) if me.role != Role::YoungPerson => tf(k::OFFER_LIST_COUNCIL_HEADING, &[("council", &me.council.name)]),
        _ => t(k::OFFER_LIST_HEADING).to_string(),
    };

    view! {
        <h1>{heading}</h1>
        {move || shown.with(|l| l.as_ref().map(|l| {
            let book = &l.book;
            let sample = book.council.sample_data || book.items.iter().any(|i| i.sample);
            view! {
                {sample.then(|| view! { <SampleNotice council=book.council.name.clone()/> })}
                <p>
                    {tf(k::OFFER_LIST_INTRO, &[("council", &book.council.name)])}
                    {young_person.then(|| format!(" {}", t(k::OFFER_LIST_FOR_YOU_FIRST)))}
                </p>
            }
        }))}
        <form class="offer-search" role="search" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <TextField id="offer-search" label=t(k::OFFER_SEARCH_LABEL) hint=t(k::OFFER_SEARCH_HINT)
                kind="search" value=query autocomplete="off"/>
        </form>
        <p class="offer-search__count" role="status" aria-live="polite">{count}</p>
        <OfferLoadWords offer=offer/>
        {move || {
            let Some(l) = shown.get() else {
                return ().into_any();
            };
            if searching.get() {
                let list = results.with(|r| r.iter().map(|e| card(&l, e, 3)).collect_view());
                return view! {
                    <section aria-labelledby="results-heading">
                        <h2 id="results-heading">{t(k::OFFER_SEARCH_HEADING)}</h2>
                        <Show when=move || results.with(|r| r.is_empty())>
                            <p>{t(k::OFFER_SEARCH_NOTHING_MATCHES)}</p>
                        </Show>
                        <ul class="offer-list">{list}</ul>
                    </section>
                }.into_any();
            }
            let s = entries.with(|e| sections::sections(&l.book.items, e));
            if !s.has_verdicts() {
                let note = young_person.then(|| view! {
                    <p class="notice">{t(k::OFFER_LIST_NO_DETAILS)}</p>
                });
                return view! { {note} <Groups offer=l.clone() groups=s.everything level=2 card=card/> }.into_any();
            }
            view! { <PersonSections offer=l sections=s card=card/> }.into_any()
        }}
        // What she tracked that the council no longer offers: kept, with her
        // tracker, so nothing she wrote disappears when the offer changes.
        {move || shown.with(|l| {
            let gone: Vec<_> = l.as_ref()?.book.retired.iter()
                .filter(|i| statuses.with(|s| s.contains_key(&i.id))).cloned().collect();
            (!gone.is_empty()).then(|| view! {
                <section class="offer-section" aria-labelledby="gone-heading">
                    <h2 id="gone-heading">{t(k::OFFER_LIST_GONE_HEADING)}</h2>
                    <ul class="offer-list">{gone.into_iter().map(|item| {
                        let id = item.id.clone();
                        let status = Signal::derive(move || statuses.with(|s| s.get(&id).copied()));
                        view! { <OfferCard item=item reason=t(k::OFFER_NO_LONGER_OFFERED).to_string() status=status/> }
                    }).collect_view()}</ul>
                </section>
            })
        })}
    }
}

/// What a young person sees when not searching.
#[component]
fn PersonSections(
    offer: IndexedOffer,
    sections: sections::Sections,
    card: impl Fn(&IndexedOffer, &Entry, u8) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let l2 = offer.clone();
    let not_for_you = sections.not_for_you.clone();
    let none_for_you = sections.for_you.is_empty();
    let none_maybe = sections.maybe.is_empty();
    let none_other = not_for_you.is_empty();
    view! {
        <section class="offer-section" aria-labelledby="for-you-heading">
            <h2 id="for-you-heading">{t(k::OFFER_LIST_FOR_YOU_HEADING)}</h2>
            {none_for_you.then(|| view! { <p>{t(k::OFFER_LIST_NONE_FOR_YOU)}</p> })}
            <Groups offer=offer.clone() groups=sections.for_you level=3 card=card/>
        </section>
        {(!none_maybe).then(|| view! {
            <section class="offer-section" aria-labelledby="maybe-heading">
                <h2 id="maybe-heading">{t(k::OFFER_LIST_MAYBE_HEADING)}</h2>
                <Groups offer=offer.clone() groups=sections.maybe level=3 card=card/>
            </section>
        })}
        {(!none_other).then(|| view! {
            <p>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-expanded=move || if show_all.get() { "true" } else { "false" }
                    aria-controls="not-for-you"
                    on:click=move |_| show_all.update(|s| *s = !*s)
                >
                    {move || if show_all.get() { t(k::OFFER_LIST_HIDE_NOT_FOR_YOU) } else { t(k::OFFER_LIST_SHOW_EVERYTHING) }}
                </button>
            </p>
        })}
        <div id="not-for-you">
            <Show when=move || show_all.get()>
                <section class="offer-section" aria-labelledby="not-for-you-heading">
                    <h2 id="not-for-you-heading">{t(k::OFFER_LIST_NOT_FOR_YOU_HEADING)}</h2>
                    <Groups offer=l2.clone() groups=not_for_you.clone() level=3 card=card/>
                </section>
            </Show>
        </div>
    }
}

/// Category headings, each with its cards under it.
#[component]
fn Groups(
    offer: IndexedOffer,
    groups: Vec<Group>,
    level: u8,
    card: impl Fn(&IndexedOffer, &Entry, u8) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView {
    groups
        .into_iter()
        .map(|g| {
            let heading = if level == 2 {
                view! { <h2 class="offer-category">{category_label(g.category)}</h2> }.into_any()
            } else {
                view! { <h3 class="offer-category">{category_label(g.category)}</h3> }.into_any()
            };
            let cards = g.entries.iter().map(|e| card(&offer, e, level + 1)).collect_view();
            view! {
                {heading}
                <ul class="offer-list">{cards}</ul>
            }
        })
        .collect_view()
}

/// Says plainly that the items are made up, so nobody takes them for what
/// the council really offers.
#[component]
pub fn SampleNotice(council: String) -> impl IntoView {
    view! {
        <p class="notice notice--sample">
            <strong class="badge">{t(k::OFFER_SAMPLE_BADGE)}</strong>
            " "{tf(k::OFFER_SAMPLE_NOTICE, &[("council", &council)])}
        </p>
    }
}
