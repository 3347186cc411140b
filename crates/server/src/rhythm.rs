//! Each young person's contact rhythm, worked out from her records
//! (`pathway_model::meeting::rhythm`): her live contact records and her
//! plan review, counted from the day she was known to the service (the UTC
//! day her account was made). One place, so the caseload, her page, her
//! copy and a manager's oversight agree.

use std::collections::HashMap;

use chrono::NaiveDate;
use pathway_model::meeting::{Contact, Rhythm};
use pathway_model::plan::PlanReview;
use pathway_model::sync::merge::StoredRecord;
use pathway_model::sync::{EntityKind, Fields};
use uuid::Uuid;

/// The day from which her first contact and review are due.
pub fn known_since(created_at_ms: i64) -> NaiveDate {
    pathway_model::date::utc_day(created_at_ms)
}

#[derive(Debug, Default)]
struct History {
    contacts: Vec<Contact>,
    review: Option<PlanReview>,
}

/// Contacts and plan reviews, by owner.
#[derive(Debug, Default)]
pub struct Histories(HashMap<Uuid, History>);

impl Histories {
    /// From live records of any kinds; other kinds and records whose
    /// fields do not read are passed over.
    pub fn of<'a>(records: impl IntoIterator<Item = &'a StoredRecord>) -> Histories {
        let mut out = Histories::default();
        for r in records.into_iter().filter(|r| !r.deleted) {
            out.add(r.owner_id, r.entity, &r.fields);
        }
        out
    }

    /// One live record of `owner`'s.
    pub fn add(&mut self, owner: Uuid, entity: EntityKind, fields: &Fields) {
        match entity {
            EntityKind::Contact => {
                if let Some(c) = Contact::from_fields(fields) {
                    self.0.entry(owner).or_default().contacts.push(c);
                }
            }
            EntityKind::PlanReview => {
                if let Some(review) = PlanReview::from_fields(fields) {
                    self.0.entry(owner).or_default().review = Some(review);
                }
            }
            _ => {}
        }
    }

    /// Her rhythm; `created_at_ms` is when her account was made.
    pub fn rhythm(&self, person: Uuid, created_at_ms: i64) -> Rhythm {
        let h = self.0.get(&person);
        Rhythm::work_out(
            h.map_or(&[][..], |h| &h.contacts),
            h.and_then(|h| h.review.as_ref()),
            known_since(created_at_ms),
        )
    }

    /// Her plan review record, if the PA has written one.
    pub fn review(&self, person: Uuid) -> Option<&PlanReview> {
        self.0.get(&person).and_then(|h| h.review.as_ref())
    }
}
