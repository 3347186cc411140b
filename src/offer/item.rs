use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::offer::OfferItem;
use pathway_model::offer::eligibility::{Assessment, Verdict, assess};

use super::book::{OfferLoadWords, use_offer};
use super::list::SampleNotice;
use super::sections::reason_words;
use super::tracker::{AskMyPa, Tracker};
use super::{amount_words, category_label};
use crate::clock::today;
use crate::i18n::{k, t, tf};
use crate::links::tel_href;
use crate::router::A;
use crate::state::use_app;
use crate::ui::ReadAloud;
use crate::words;

/// `/offer/:id`: one item in full, why it is (or isn't) for this person,
/// how to get it, who to contact, and the young person's own tracker.
#[component]
pub fn OfferItemPage(id: String) -> impl IntoView {
    let offer = use_offer();
    let id = move || id.clone();
    view! {
        <p class="back"><A href="/offer">{t(k::OFFER_ITEM_BACK)}</A></p>
        {move || offer.shown.with(Option::is_none).then(|| view! { <h1>{t(k::OFFER_ITEM_HEADING)}</h1> })}
        {move || {
            let Some(l) = offer.shown.get() else {
                return ().into_any();
            };
            let id = id();
            // An item the council no longer offers still opens, for her tracker.
            let gone = !l.book.items.iter().any(|i| i.id == id);
            match l.book.items.iter().chain(&l.book.retired).find(|i| i.id == id) {
                Some(item) => {
                    let assessment = l.book.profile.as_ref().filter(|_| !gone).map(|p| assess(item, p, today()));
                    let council = l.book.council.name.clone();
                    let sample = l.book.council.sample_data || item.sample;
                    view! { <ItemDetails item=item.clone() assessment=assessment council=council sample=sample gone=gone/> }.into_any()
                }
                None => view! {
                    <h1>{t(k::OFFER_ITEM_NOT_FOUND_HEADING)}</h1>
                    <p>{t(k::OFFER_ITEM_NOT_FOUND)}</p>
                    <p><A href="/offer">{t(k::OFFER_ITEM_SEE_WHOLE_OFFER)}</A></p>
                }.into_any(),
            }
        }}
        // After the item: "saved on this phone" reads as a footnote to it.
        <OfferLoadWords offer=offer/>
    }
}

#[component]
fn ItemDetails(
    item: OfferItem,
    assessment: Option<Assessment>,
    council: String,
    sample: bool,
    gone: bool,
) -> impl IntoView {
    let state = use_app();
    let me = state.me();
    let tracker = me.filter(|m| m.role == Role::YoungPerson).map(|me| {
        view! {
            <Tracker person_id=me.person_id council_id=item.council_id.clone() item_id=item.id.clone() title=item.title.clone()/>
            <AskMyPa title=item.title.clone()/>
        }
    });
    let why = assessment.map(|a| {
        let heading = match a.verdict {
            Verdict::Applies => t(k::OFFER_ITEM_WHY_APPLIES),
            Verdict::Maybe => t(k::OFFER_ITEM_WHY_MAYBE),
            Verdict::DoesNotApply => t(k::OFFER_ITEM_WHY_NOT),
        };
        view! {
            <section class="card offer-why" aria-labelledby="why-heading">
                <h2 id="why-heading">{heading}</h2>
                <p>{reason_words(&a.reason)}</p>
            </section>
        }
    });
    let contact = &item.contact;
    let has_contact = contact.name.is_some() || contact.phone.is_some() || contact.email.is_some();
    let contact_view = has_contact.then(|| {
        let name = contact.name.clone().map(|n| view! { <p class="contact__name">{n}</p> });
        let phone = contact.phone.clone().map(|p| {
            let href = tel_href(&p);
            view! { <li><a class="contact__link" href=href>{tf(k::OFFER_ITEM_CALL, &[("phone", &p)])}</a></li> }
        });
        let email = contact.email.clone().map(|e| {
            let href = format!("mailto:{e}");
            view! { <li><a class="contact__link" href=href>{tf(k::OFFER_ITEM_EMAIL, &[("email", &e)])}</a></li> }
        });
        view! {
            <section class="card" aria-labelledby="contact-heading">
                <h2 id="contact-heading">{t(k::OFFER_ITEM_CONTACT_HEADING)}</h2>
                {name}
                <ul class="contact__ways">{phone}{email}</ul>
            </section>
        }
    });
    view! {
        <div id="offer-item">
        <h1 dir="auto">{item.title.clone()}</h1>
        {gone.then(|| view! { <p class="notice">{t(k::OFFER_NO_LONGER_OFFERED)}" "{t(k::OFFER_ITEM_TRACKER_KEPT)}</p> })}
        {sample.then(|| view! { <SampleNotice council=council.clone()/> })}
        <p class="offer-lead" dir="auto">{item.summary.clone()}</p>
        <dl class="facts facts--inline offer-facts">
            <div><dt>{t(k::OFFER_ITEM_TYPE)}</dt><dd>{category_label(item.category)}</dd></div>
            {item.amount.as_ref().map(|a| view! { <div><dt>{t(k::OFFER_ITEM_HOW_MUCH)}</dt><dd>{amount_words(a)}</dd></div> })}
        </dl>
        {why}
        <section class="card" aria-labelledby="details-heading">
            <h2 id="details-heading">{t(k::OFFER_ITEM_DETAILS_HEADING)}</h2>
            <p class="offer-text" dir="auto">{item.details.clone()}</p>
        </section>
        <section class="card" aria-labelledby="claim-heading">
            <h2 id="claim-heading">{t(k::OFFER_ITEM_CLAIM_HEADING)}</h2>
            <p class="offer-text" dir="auto">{item.how_to_claim.clone()}</p>
        </section>
        </div>
        <ReadAloud of="offer-item"/>
        {contact_view}
        {tracker}
        <p class="hint">
            {tf(k::OFFER_ITEM_LAST_CHECKED, &[("council", &council), ("date", &words::readable_date(item.last_reviewed))])}
            {item.source.clone().map(|s| format!(" {}", tf(k::OFFER_ITEM_SOURCE, &[("source", &s)])))}
        </p>
    }
}
