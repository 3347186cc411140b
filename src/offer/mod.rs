//! My offer: the council's local offer for care leavers, sorted into what
//! is for this young person, what might be, and what is not, with their own
//! tracker on each item. Everything here works offline once the offer has
//! been loaded on one online visit: the offer is kept on the phone
//! (`book`), eligibility and search run on the phone, and the tracker is a
//! synced record like "Things to talk about".
//!
//! - `book`: loads the offer (`ui::load`), keeps a copy on the phone and in
//!   memory with its search index.
//! - `sections`: which items go under which heading (pure, tested here).
//! - `list`: the `/offer` page with its search.
//! - `card`: one item in a list.
//! - `item`: the `/offer/:id` page.
//! - `tracker`: the young person's tracker and "Ask my PA about this".
//! - `pa_tracker`: the tracker as their PA sees it, read-only.
//! - `editor`: managers keep the council's offer current (staff build).

mod book;
mod card;
#[cfg(feature = "staff")]
mod editor;
mod item;
mod list;
#[cfg(feature = "staff")]
mod pa_tracker;
pub mod sections;
mod tracker;

#[cfg(feature = "staff")]
pub use book::use_offer;
pub use card::OfferCard;
#[cfg(feature = "staff")]
pub use editor::editor_page;
pub use item::OfferItemPage;
pub use list::OfferPage;
#[cfg(feature = "staff")]
pub use pa_tracker::PaOfferTracker;
pub use tracker::Tracker;

use pathway_model::entitlement::TrackerStatus;
use pathway_model::offer::{Amount, AmountPeriod, Category};

use crate::i18n::{k, t, tf};

/// A category's heading, in the page's language (the model's
/// `Category::label` is the English).
pub fn category_label(category: Category) -> &'static str {
    t(match category {
        Category::Money => k::OFFER_CATEGORY_MONEY,
        Category::Accommodation => k::OFFER_CATEGORY_ACCOMMODATION,
        Category::EducationTraining => k::OFFER_CATEGORY_EDUCATION_TRAINING,
        Category::Employment => k::OFFER_CATEGORY_EMPLOYMENT,
        Category::HealthWellbeing => k::OFFER_CATEGORY_HEALTH_WELLBEING,
        Category::Relationships => k::OFFER_CATEGORY_RELATIONSHIPS,
        Category::Participation => k::OFFER_CATEGORY_PARTICIPATION,
        Category::MovingOn => k::OFFER_CATEGORY_MOVING_ON,
    })
}

/// Where she is with an item, in the page's language (the model's
/// `TrackerStatus::label` is the English).
pub fn status_label(status: TrackerStatus) -> &'static str {
    t(match status {
        TrackerStatus::NotAsked => k::OFFER_STATUS_NOT_ASKED,
        TrackerStatus::Asked => k::OFFER_STATUS_ASKED,
        TrackerStatus::Claimed => k::OFFER_STATUS_CLAIMED,
        TrackerStatus::NotForMe => k::OFFER_STATUS_NOT_FOR_ME,
    })
}

/// "£2,000 one-off", "up to £57.50 a week": `Amount::describe` in the
/// page's language, its number in the language's digits.
pub fn amount_words(amount: &Amount) -> String {
    let money = tf(k::OFFER_AMOUNT_MONEY, &[("amount", &pounds(amount.pence))]);
    let money = if amount.up_to { tf(k::OFFER_AMOUNT_UP_TO, &[("money", &money)]) } else { money };
    let period = match amount.period {
        AmountPeriod::OneOff => k::OFFER_AMOUNT_ONE_OFF,
        AmountPeriod::Weekly => k::OFFER_AMOUNT_WEEKLY,
        AmountPeriod::Monthly => k::OFFER_AMOUNT_MONTHLY,
        AmountPeriod::Yearly => k::OFFER_AMOUNT_YEARLY,
    };
    tf(period, &[("money", &money)])
}

/// Pounds as the page's language writes a number: "2,000", "57.50" (pence
/// only when there are some).
#[cfg(target_arch = "wasm32")]
fn pounds(pence: u64) -> String {
    let digits = if pence.is_multiple_of(100) { 0 } else { 2 };
    let options = js_sys::Object::new();
    for name in ["minimumFractionDigits", "maximumFractionDigits"] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &digits.into());
    }
    let locales = js_sys::Array::of1(&crate::i18n::language().code().into());
    let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
    format
        .call1(&wasm_bindgen::JsValue::NULL, &(pence as f64 / 100.0).into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The app's plain tests run natively, where there is no Intl: English, as
/// `Amount::describe` writes it.
#[cfg(not(target_arch = "wasm32"))]
fn pounds(pence: u64) -> String {
    let whole = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match pence % 100 {
        0 => grouped,
        p => format!("{grouped}.{p:02}"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_the_model_writes_them_in_english() {
        for (pence, period, up_to) in [
            (50_000, AmountPeriod::OneOff, false),
            (75_000, AmountPeriod::OneOff, true),
            (5_750, AmountPeriod::Weekly, false),
            (123_456_789, AmountPeriod::Monthly, true),
            (100_000, AmountPeriod::Yearly, false),
            (5, AmountPeriod::Weekly, false),
            (0, AmountPeriod::OneOff, false),
        ] {
            let a = Amount { pence, period, up_to };
            assert_eq!(amount_words(&a), a.describe());
        }
    }

    #[test]
    fn every_label_is_the_model_s_english() {
        for c in Category::ALL {
            assert_eq!(category_label(c), c.label());
        }
        for s in TrackerStatus::ALL {
            assert_eq!(status_label(s), s.label());
        }
    }
}
