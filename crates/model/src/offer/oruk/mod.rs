//! Open Referral UK (ORUK, the UK profile of HSDS 3.0): how an offer item
//! becomes an ORUK `service` and back, so a council can publish its offer
//! as open data and import one from any ORUK source.
//!
//! ORUK has no fields for our plain-English summary, how to claim, category,
//! statuses or circumstances, so they travel as `attributes` whose taxonomy
//! terms belong to our own taxonomy (`TAXONOMY`): the term's `name` is the
//! key (`summary`, `circumstance`, …) and its `description` the value. The
//! export stays valid ORUK, and export → import → export is identical.
//! Ids are UUIDs in ORUK: derived (v5) from the council and our slug, so
//! they are stable across exports.
//!
//! - `export`: an item as an ORUK service (and the council as an organization).
//! - `import`: ORUK services (ours or anyone's) back into items, all or nothing.

mod export;
mod import;

pub use export::{organization, to_service};
pub use import::{ImportIssue, from_service, guess_category, import};

use serde_json::{Value, json};
use uuid::Uuid;

use super::{AmountPeriod, OfferItem};

pub const TAXONOMY: &str = "pathway-care-leaver-offer";

/// Our namespace for v5 ids (a fixed random UUID; never change it, or every
/// published id changes).
const NAMESPACE: Uuid = Uuid::from_u128(0x5c1e_7d2a_4b8f_4e61_9a3c_2f0d_8e7b_6a15);

pub(crate) fn id_for(parts: &[&str]) -> Uuid {
    Uuid::new_v5(&NAMESPACE, parts.join("\u{1f}").as_bytes())
}

pub fn council_org_id(council_id: &str) -> Uuid {
    id_for(&["council", council_id])
}

pub fn service_id(item: &OfferItem) -> Uuid {
    id_for(&["service", &item.council_id, &item.id])
}

pub fn period_word(p: AmountPeriod) -> &'static str {
    match p {
        AmountPeriod::OneOff => "one_off",
        AmountPeriod::Weekly => "weekly",
        AmountPeriod::Monthly => "monthly",
        AmountPeriod::Yearly => "yearly",
    }
}

pub fn parse_period(s: &str) -> Option<AmountPeriod> {
    [AmountPeriod::OneOff, AmountPeriod::Weekly, AmountPeriod::Monthly, AmountPeriod::Yearly]
        .into_iter()
        .find(|p| period_word(*p) == s)
}

pub(crate) fn attribute(owner: Uuid, link_type: &str, key: &str, value: &str) -> Value {
    let term_id = id_for(&["term", key, value]);
    json!({
        "id": id_for(&["attribute", &owner.to_string(), key, value]),
        "link_id": owner,
        "link_type": link_type,
        "taxonomy_term_id": term_id,
        "taxonomy_term": { "id": term_id, "name": key, "description": value, "taxonomy": TAXONOMY }
    })
}

#[cfg(test)]
mod tests;
