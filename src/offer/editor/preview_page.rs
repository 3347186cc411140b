//! `/council/offer/preview`: the offer as a young person of a chosen age,
//! legal status and circumstances would see it, under the same headings
//! and by the same rules as her own My offer page, with the manager's
//! changes or as published now.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use pathway_model::offer::editor::{ItemState, OfferDraft};
use pathway_model::offer::eligibility::Profile;
use pathway_model::offer::{OfferBook, OfferItem};
use pathway_model::profile::{Circumstance, LegalStatus};

use crate::api::offer_editor;
use crate::clock::today;
use crate::offer::sections::{Group, assess_all, sections};
use crate::router::A;
use crate::ui::form::{Checkbox, RadioGroup, TextField};
use crate::ui::{Loaded, load};

/// A birthday that makes someone `age` today.
fn born_for(age: u32, today: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(today.year() - age as i32, today.month(), today.day())
        .or_else(|| NaiveDate::from_ymd_opt(today.year() - age as i32, today.month(), 28))
}

/// The items a young person would see: the draft's (without what it
/// retires), or those published now (without what it adds; a changed item
/// shows as published only once it is published, so "as published now"
/// leaves changed items as they were by taking the published offer).
pub fn items_of(draft: &OfferDraft, with_changes: bool, published: &[OfferItem]) -> Vec<OfferItem> {
    if with_changes {
        draft.entries.iter().filter(|e| e.state != ItemState::Retired).map(|e| e.item.clone()).collect()
    } else {
        published.to_vec()
    }
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    let draft = load(offer_editor::draft, None);
    let published = load(crate::api::offer, None);
    view! {
        <p class="back"><A href="/council/offer">"Back to the offer"</A></p>
        <h1>"See the offer as a young person would"</h1>
        <p>"Choose who to see it as. The headings and reasons are the ones she sees on her phone."</p>
        <Loaded remote=draft what="your council's offer" let:d>
            <Loaded remote=published what="the published offer" let:p>
                <Preview draft=d.clone() published=p/>
            </Loaded>
        </Loaded>
    }
}

#[component]
fn Preview(draft: OfferDraft, published: OfferBook) -> impl IntoView {
    let age = RwSignal::new("20".to_string());
    let status = RwSignal::new(LegalStatus::FormerRelevant.as_str().to_string());
    let circumstances = RwSignal::new(Vec::<Circumstance>::new());
    let which = RwSignal::new(if draft.unpublished { "draft" } else { "published" }.to_string());
    let statuses: Vec<(&'static str, &'static str)> = LegalStatus::ALL.map(|s| (s.as_str(), s.label())).to_vec();
    let versions = vec![("draft", "With my changes"), ("published", "As published now")];
    let council_id = draft.council.id.clone();
    let shown = move || {
        let today = today();
        let age_ok = age.with(|a| a.trim().parse::<u32>().ok().filter(|a| (16..=25).contains(a)));
        let Some(born) = age_ok.and_then(|a| born_for(a, today)) else {
            return view! { <p class="error-message" role="alert">"Enter an age from 16 to 25."</p> }.into_any();
        };
        let profile = Profile {
            date_of_birth: born,
            council_id: council_id.clone(),
            status: LegalStatus::parse(&status.get()).unwrap_or(LegalStatus::FormerRelevant),
            circumstances: circumstances.get(),
        };
        let book = OfferBook {
            council: draft.council.clone(),
            items: items_of(&draft, which.get() == "draft", &published.items),
            profile: Some(profile),
            retired: Vec::new(),
        };
        let entries = assess_all(&book, today);
        let parts = sections(&book.items, &entries);
        view! {
            <PreviewPart heading="For you" groups=parts.for_you items=book.items.clone()/>
            <PreviewPart heading="Might be for you" groups=parts.maybe items=book.items.clone()/>
            <PreviewPart heading="Not for you" groups=parts.not_for_you items=book.items/>
        }
        .into_any()
    };
    view! {
        <div class="staff-wide offer-preview">
        <form class="form offer-preview__who" on:submit=|ev| ev.prevent_default()>
            <TextField id="preview-age" label="Age" value=age keys=crate::ui::form::Keys::Digits max=2/>
            <RadioGroup name="preview-status" legend="Legal status" choices=statuses value=status/>
            <fieldset class="radios">
                <legend>"Circumstances"</legend>
                {Circumstance::ALL.into_iter().map(|c| view! {
                    <div class="profile-form__check">
                        <Checkbox id=format!("preview-{}", c.as_str()) label=c.label()
                            checked=Signal::derive(move || circumstances.with(|v| v.contains(&c)))
                            on_change=move |on| circumstances.update(|v| { v.retain(|x| *x != c); if on { v.push(c) } })/>
                    </div>
                }).collect_view()}
            </fieldset>
            <RadioGroup name="preview-version" legend="Which offer" choices=versions value=which/>
        </form>
        <div class="offer-preview__shown" aria-live="polite">{shown}</div>
        </div>
    }
}

#[component]
fn PreviewPart(heading: &'static str, groups: Vec<Group>, items: Vec<OfferItem>) -> impl IntoView {
    let count: usize = groups.iter().map(|g| g.entries.len()).sum();
    view! {
        <section class="offer-preview__part">
            <h2>{format!("{heading} ({count})")}</h2>
            {groups.into_iter().map(|g| view! {
                <h3>{g.category.label()}</h3>
                <ul class="offer-list">
                    {g.entries.into_iter().filter_map(|e| items.get(e.index).cloned().map(|item| view! {
                        <li class="offer-card">
                            <h4 class="offer-card__title">{item.title.clone()}</h4>
                            <p class="offer-card__summary">{item.summary.clone()}</p>
                            {item.amount.as_ref().map(|a| view! { <p class="offer-card__amount">{a.describe()}</p> })}
                            {e.reason.map(|r| view! { <p class="offer-card__reason">{r}</p> })}
                        </li>
                    })).collect_view()}
                </ul>
            }).collect_view()}
        </section>
    }
}
