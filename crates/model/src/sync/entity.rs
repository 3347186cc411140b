//! Each synced kind's rules, by kind: the kinds are declared in `record`
//! (a leaf), their field tables in the features, and this is the one place
//! that knows every feature.

use crate::record::check::FieldSpec;
use crate::record::{EntityKind, FieldRuleError, Fields};
use crate::role::Role;

impl EntityKind {
    /// Every field this kind has, from its feature's `record_kind!`.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            EntityKind::Topic => crate::topic::FIELDS,
            EntityKind::Entitlement => crate::entitlement::FIELDS,
            EntityKind::HealthEntry => crate::health::entry::FIELDS,
            EntityKind::PlanSection => crate::plan::SECTION_FIELDS,
            EntityKind::PlanComment => crate::plan::COMMENT_FIELDS,
            EntityKind::PlanReview => crate::plan::REVIEW_FIELDS,
            EntityKind::ContactRequest => crate::people::keep_in_touch::FIELDS,
            EntityKind::UnsafeAlert => crate::people::unsafe_alert::FIELDS,
            EntityKind::Contact => crate::meeting::contact::FIELDS,
            EntityKind::AgreedAction => crate::meeting::action::FIELDS,
        }
    }

    /// Checks a put's fields: every key known, every value valid, and the
    /// caller's role allowed to write it. `current` is the stored record's
    /// fields, `None` when this put creates the record.
    pub fn check_put(self, role: Role, fields: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
        let creating = current.is_none();
        match self {
            EntityKind::Topic => crate::topic::check_put(role, fields, creating),
            EntityKind::Entitlement => crate::entitlement::check_put(role, fields, creating),
            EntityKind::HealthEntry => crate::health::entry::check_put(role, fields, current),
            EntityKind::PlanSection => crate::plan::check_section(role, fields, current),
            EntityKind::PlanComment => crate::plan::check_comment(role, fields, current),
            EntityKind::PlanReview => crate::plan::check_review(role, fields, current),
            EntityKind::ContactRequest => crate::people::keep_in_touch::check_put(role, fields, current),
            EntityKind::UnsafeAlert => crate::people::unsafe_alert::check_put(role, fields, current),
            EntityKind::Contact => crate::meeting::contact::check_put(role, fields, current),
            EntityKind::AgreedAction => crate::meeting::action::check_put(role, fields, current),
        }
    }

    /// The rules that need today's date (`today`: the checker's UTC day):
    /// a contact cannot be dated in the future. The server runs this with
    /// `check_put` on every push, and the app before it queues a change.
    pub fn check_dates(self, fields: &Fields, today: chrono::NaiveDate) -> Result<(), FieldRuleError> {
        match self {
            EntityKind::Contact => crate::meeting::contact::check_not_future(fields, today),
            _ => Ok(()),
        }
    }

    /// Whether this role may delete this record (`current`: its fields).
    pub fn may_delete(self, role: Role, current: Option<&Fields>) -> bool {
        match self {
            EntityKind::Topic | EntityKind::Entitlement | EntityKind::PlanComment | EntityKind::ContactRequest => {
                role == Role::YoungPerson
            }
            EntityKind::HealthEntry => crate::health::entry::may_delete(role, current),
            EntityKind::PlanSection | EntityKind::AgreedAction => role == Role::Advisor,
            // A review record, an alert and a contact record are history:
            // nobody deletes them (a PA corrects a contact's fields instead).
            EntityKind::PlanReview | EntityKind::UnsafeAlert | EntityKind::Contact => false,
        }
    }

    /// Whether this role may create records of this kind.
    pub fn may_create(self, role: Role) -> bool {
        match self {
            EntityKind::Topic
            | EntityKind::Entitlement
            | EntityKind::PlanComment
            | EntityKind::ContactRequest
            | EntityKind::UnsafeAlert => role == Role::YoungPerson,
            EntityKind::HealthEntry | EntityKind::PlanReview => role != Role::Manager,
            EntityKind::PlanSection | EntityKind::Contact | EntityKind::AgreedAction => role == Role::Advisor,
        }
    }

    /// Whether staff (the PA, and the duty team for requests) may receive a
    /// record with these fields. Only a health entry marked "only me" is
    /// kept from them; the server never sends it to anyone but its owner.
    pub fn visible_to_staff(self, fields: &Fields) -> bool {
        match self {
            EntityKind::HealthEntry => crate::health::entry::visible_to_staff(fields),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    /// Each kind's rules know exactly the fields its table lists: a field
    /// added to the table but not to the rules (or the other way round)
    /// would be refused, or let through, without anyone noticing.
    #[test]
    fn every_kind_checks_changes_against_its_own_table() {
        for kind in EntityKind::ALL {
            for spec in kind.fields() {
                let mut change = Fields::new();
                change.insert(spec.name.into(), Value::Null);
                for role in [Role::YoungPerson, Role::Advisor, Role::Manager] {
                    let r = kind.check_put(role, &change, Some(&Fields::new()));
                    assert_ne!(r, Err(FieldRuleError::UnknownField(spec.name.into())), "{kind:?}.{}", spec.name);
                }
            }
            let mut stray = Fields::new();
            stray.insert("colour".into(), Value::Null);
            let r = kind.check_put(Role::YoungPerson, &stray, Some(&Fields::new()));
            assert_eq!(r, Err(FieldRuleError::UnknownField("colour".into())), "{kind:?}");
        }
    }
}
