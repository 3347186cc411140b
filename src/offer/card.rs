use leptos::prelude::*;
use pathway_model::entitlement::TrackerStatus;
use pathway_model::offer::OfferItem;
use pathway_model::offer::eligibility::Verdict;

use super::{amount_words, status_label};
use crate::i18n::{k, t};
use crate::router::A;

/// One item in a list: its title as a link to the item, what it is, how
/// much, why it is (or might be, or isn't) for this person, and where
/// their tracker is. `level` is the title's heading level, so the card
/// fits under whatever heading the list sits under.
#[component]
pub fn OfferCard(
    item: OfferItem,
    #[prop(optional)] verdict: Option<Verdict>,
    #[prop(optional)] reason: Option<String>,
    #[prop(into, optional)] status: Signal<Option<TrackerStatus>>,
    #[prop(default = 3)] level: u8,
) -> impl IntoView {
    let href = format!("/offer/{}", item.id);
    let link = view! { <A href=href>{item.title.clone()}</A> };
    let title = match level {
        2 => view! { <h2 class="offer-card__title">{link}</h2> }.into_any(),
        3 => view! { <h3 class="offer-card__title">{link}</h3> }.into_any(),
        _ => view! { <h4 class="offer-card__title">{link}</h4> }.into_any(),
    };
    let reason_class = match verdict {
        Some(Verdict::Applies) => "offer-card__reason offer-card__reason--yes",
        Some(Verdict::Maybe) => "offer-card__reason offer-card__reason--maybe",
        _ => "offer-card__reason",
    };
    view! {
        <li class="offer-card">
            {title}
            <p class="offer-card__summary" dir="auto">{item.summary.clone()}</p>
            {item.amount.as_ref().map(|a| view! { <p class="offer-card__amount">{amount_words(a)}</p> })}
            {reason.map(|r| view! { <p class=reason_class>{r}</p> })}
            {move || status.get().map(|s| view! {
                <p class="offer-card__status">{t(k::OFFER_CARD_TRACKER)}" "<strong>{status_label(s)}</strong></p>
            })}
        </li>
    }
}
