//! What was agreed at a meeting: what, who does it (her, the PA or someone
//! named) and by when. The PA writes it; she ticks her own as done and
//! sees the PA's progress on theirs.

use chrono::NaiveDate;

use crate::record::check::{Check, Who, check_change, parse_date, str_of};
use crate::record::value::word_value;
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

/// Who does an agreed action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionOwner {
    YoungPerson,
    Advisor,
    /// Someone else, named in `owner_name` ("Housing team").
    SomeoneElse,
}

impl ActionOwner {
    pub const ALL: [ActionOwner; 3] = [ActionOwner::YoungPerson, ActionOwner::Advisor, ActionOwner::SomeoneElse];
    pub const WORDS: &'static [&'static str] = &["young_person", "advisor", "someone_else"];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
    }
}

word_value!(ActionOwner);

pub const WHAT_MAX: usize = 300;
pub const NAME_MAX: usize = 100;
pub const PROGRESS_MAX: usize = 300;

const ADVISOR: Who = Who::Roles(Roles::ADVISOR);

record_kind! {
    /// One agreed action.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct AgreedAction;
    /// A change to an action: only the fields set are sent.
    pub struct AgreedActionChange;
    kind: AgreedAction,
    table: FIELDS,
    fields {
        what: String = must, Check::Text(WHAT_MAX), ADVISOR;
        owner: ActionOwner = must, Check::OneOf(ActionOwner::WORDS), ADVISOR;
        /// Who, when the owner is someone else.
        owner_name: Option<String> = or_default, Check::OptText(NAME_MAX), ADVISOR;
        /// `YYYY-MM-DD`.
        by_when: String = must, Check::Date, ADVISOR;
        /// The contact record of the meeting where it was agreed.
        contact_id: Option<String> = or_default, Check::OptText(36), Who::Fixed(Roles::ADVISOR);
        /// Done: she ticks her own; the PA ticks any.
        done: bool = or_default, Check::Bool, Who::Roles(Roles::YOUNG_PERSON.or(Roles::ADVISOR));
        /// The PA's word on how it is going: "Asked the housing team".
        progress: Option<String> = or_default, Check::OptText(PROGRESS_MAX), ADVISOR;
    }
}

/// The field table's rules, and two that tie fields together: someone else
/// must be named, and she may tick only an action that is hers.
pub fn check_put(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    check_change(FIELDS, role, change, current, false)?;
    let owner = str_of(change, current, "owner").and_then(ActionOwner::parse);
    if owner == Some(ActionOwner::SomeoneElse) {
        let named = str_of(change, current, "owner_name").is_some_and(|n| !n.trim().is_empty());
        if !named {
            return Err(FieldRuleError::Invalid { field: "owner_name", problem: "must say who".into() });
        }
    }
    if role == Role::YoungPerson && change.contains_key("done") && owner != Some(ActionOwner::YoungPerson) {
        return Err(FieldRuleError::NotYours("done".into()));
    }
    Ok(())
}

impl AgreedAction {
    pub fn by_day(&self) -> Option<NaiveDate> {
        parse_date(&self.by_when)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn f(v: serde_json::Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn she_ticks_her_own_action_but_not_the_pas() {
        let hers = f(json!({"what": "Bring your payslips", "owner": "young_person", "by_when": "2026-12-15"}));
        let his = f(json!({"what": "Call housing", "owner": "advisor", "by_when": "2026-12-10"}));
        assert_eq!(check_put(Role::Advisor, &hers, None), Ok(()));
        assert_eq!(check_put(Role::YoungPerson, &f(json!({"done": true})), Some(&hers)), Ok(()));
        assert_eq!(
            check_put(Role::YoungPerson, &f(json!({"done": true})), Some(&his)),
            Err(FieldRuleError::NotYours("done".into()))
        );
        assert_eq!(
            check_put(Role::YoungPerson, &f(json!({"what": "x"})), Some(&hers)),
            Err(FieldRuleError::NotYours("what".into()))
        );
        assert_eq!(check_put(Role::Advisor, &f(json!({"done": true, "progress": "Rang them"})), Some(&his)), Ok(()));
    }

    #[test]
    fn an_action_needs_an_owner_a_real_date_and_a_name_for_someone_else() {
        assert_eq!(
            check_put(Role::Advisor, &f(json!({"what": "x", "by_when": "2026-12-15"})), None),
            Err(FieldRuleError::Missing("owner"))
        );
        assert!(
            check_put(Role::Advisor, &f(json!({"what": "x", "owner": "advisor", "by_when": "2026-02-30"})), None)
                .is_err()
        );
        let other = f(json!({"what": "x", "owner": "someone_else", "by_when": "2026-12-15"}));
        assert!(matches!(
            check_put(Role::Advisor, &other, None),
            Err(FieldRuleError::Invalid { field: "owner_name", .. })
        ));
        let mut named = other.clone();
        named.insert("owner_name".into(), json!("Housing team"));
        assert_eq!(check_put(Role::Advisor, &named, None), Ok(()));
    }
}
