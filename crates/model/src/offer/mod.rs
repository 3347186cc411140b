//! A council's local offer for care leavers: the items, who each is for,
//! and (in `eligibility`) whether an item applies to one young person.

pub mod category;
pub mod editor;
pub mod eligibility;
pub mod oruk;
pub mod search;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use category::Category;

use crate::profile::{Circumstance, LegalStatus};

/// Who an item is for. Empty lists mean "anyone".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// From this birthday on (inclusive).
    #[serde(default)]
    pub min_age: Option<u32>,
    /// Until this birthday (exclusive): 25 means "up to your 25th birthday".
    #[serde(default)]
    pub until_age: Option<u32>,
    #[serde(default)]
    pub statuses: Vec<LegalStatus>,
    /// The item is for people in at least one of these circumstances.
    #[serde(default)]
    pub circumstances: Vec<Circumstance>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AmountPeriod {
    OneOff,
    Weekly,
    Monthly,
    Yearly,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// In pence, so no rounding ever creeps in.
    pub pence: u64,
    pub period: AmountPeriod,
    /// The amount is the most anyone gets ("up to £2,000").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub up_to: bool,
}

impl Amount {
    /// "£2,000 one-off", "£57.50 a week".
    pub fn describe(&self) -> String {
        let pounds = self.pence / 100;
        let pence = self.pence % 100;
        let mut whole = pounds.to_string();
        let mut i = whole.len() as isize - 3;
        while i > 0 {
            whole.insert(i as usize, ',');
            i -= 3;
        }
        let money = if pence == 0 { format!("£{whole}") } else { format!("£{whole}.{pence:02}") };
        let period = match self.period {
            AmountPeriod::OneOff => "one-off",
            AmountPeriod::Weekly => "a week",
            AmountPeriod::Monthly => "a month",
            AmountPeriod::Yearly => "a year",
        };
        if self.up_to { format!("up to {money} {period}") } else { format!("{money} {period}") }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferContact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// One item of a council's local offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferItem {
    /// Stable id, unique within the council (a slug such as `setting-up-home`).
    pub id: String,
    pub council_id: String,
    pub category: Category,
    pub title: String,
    /// One or two short sentences in plain English.
    pub summary: String,
    pub details: String,
    #[serde(default)]
    pub eligibility: Eligibility,
    pub how_to_claim: String,
    #[serde(default)]
    pub contact: OfferContact,
    #[serde(default)]
    pub amount: Option<Amount>,
    /// Where the information comes from (the council's page or leaflet),
    /// so anyone can check it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(deserialize_with = "crate::date::de")]
    pub last_reviewed: NaiveDate,
    /// True for invented demo items: shown as "sample", never as the council's real offer.
    pub sample: bool,
}

/// `GET /api/v1/offer`: a council's whole offer, and for a young person
/// the profile the app needs to decide, offline, what applies to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferBook {
    pub council: crate::council::CouncilSummary,
    pub items: Vec<OfferItem>,
    pub profile: Option<eligibility::Profile>,
    /// Items the council no longer offers, as they last were, so a young
    /// person who tracked one still sees it, marked "no longer offered".
    /// (Whole items, not a smaller type: the app already reads items, and a
    /// new type would cost her download.)
    #[serde(default)]
    pub retired: Vec<OfferItem>,
}

/// `PUT /api/v1/offer/items` answers with what was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub imported: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_money() {
        assert_eq!(Amount { pence: 200_000, period: AmountPeriod::OneOff, up_to: false }.describe(), "£2,000 one-off");
        assert_eq!(Amount { pence: 5_750, period: AmountPeriod::Weekly, up_to: false }.describe(), "£57.50 a week");
        assert_eq!(
            Amount { pence: 123_456_700, period: AmountPeriod::Yearly, up_to: false }.describe(),
            "£1,234,567 a year"
        );
        assert_eq!(Amount { pence: 99, period: AmountPeriod::Monthly, up_to: false }.describe(), "£0.99 a month");
        assert_eq!(
            Amount { pence: 60_000, period: AmountPeriod::OneOff, up_to: true }.describe(),
            "up to £600 one-off"
        );
    }
}
