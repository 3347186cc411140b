//! Small pieces the targets share: picking a role or a record kind from a
//! byte of the input, and fixed ids and times.

use chrono::NaiveDate;
use pathway_model::role::Role;
use pathway_model::sync::EntityKind;
use uuid::Uuid;

pub const ROLES: [Role; 3] = [Role::YoungPerson, Role::Advisor, Role::Manager];

/// 2026-03-01 12:00 UTC in Unix milliseconds: a plain "now".
pub const NOW_MS: i64 = 1_772_366_400_000;

pub fn role(b: u8) -> Role {
    ROLES[usize::from(b) % ROLES.len()]
}

pub fn kind(b: u8) -> EntityKind {
    EntityKind::ALL[usize::from(b) % EntityKind::ALL.len()]
}

pub fn person(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// The days a date rule may be checked on: an ordinary one and the ends of
/// what a date can hold, where arithmetic on dates overflows if anywhere.
pub fn todays() -> [NaiveDate; 3] {
    [pathway_model::date::utc_day(NOW_MS), NaiveDate::MIN, NaiveDate::MAX]
}

/// The first byte (a selector) and the rest, or `None` for empty input.
pub fn split_first(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(b, rest)| (*b, rest))
}

/// Reads every typed record of `kind` from these fields, as the screens do
/// (`Topic::from_fields`, …): `None` is a fine answer, a panic is not.
pub fn read_typed(kind: EntityKind, fields: &pathway_model::sync::Fields) {
    use pathway_model::{entitlement, health, meeting, people, plan, topic};
    match kind {
        EntityKind::Topic => drop(topic::Topic::from_fields(fields)),
        EntityKind::Entitlement => drop(entitlement::Entitlement::from_fields(fields)),
        EntityKind::HealthEntry => drop(health::HealthEntry::from_fields(fields)),
        EntityKind::PlanSection => drop(plan::PlanSection::from_fields(fields)),
        EntityKind::PlanComment => drop(plan::PlanComment::from_fields(fields)),
        EntityKind::PlanReview => drop(plan::PlanReview::from_fields(fields)),
        EntityKind::ContactRequest => drop(people::keep_in_touch::ContactRequest::from_fields(fields)),
        EntityKind::UnsafeAlert => drop(people::unsafe_alert::UnsafeAlert::from_fields(fields)),
        EntityKind::Contact => drop(meeting::contact::Contact::from_fields(fields)),
        EntityKind::AgreedAction => drop(meeting::action::AgreedAction::from_fields(fields)),
    }
}
