//! "I feel unsafe": an urgent alert from a young person to their PA and the
//! council's duty team, with the time it was raised on the phone. It is a
//! synced record so it is queued when offline and sent as soon as the phone
//! is back online; the app shows the emergency numbers at once either way.

use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::sync::fields::{Check, FieldSpec, check_fields, field, require};
use crate::sync::{FieldRuleError, Fields};

const YOUNG_PERSONS: &[FieldSpec] = &[
    // When the button was pressed on the phone (not when it reached us).
    field("raised_at", Check::Millis),
    field("note", Check::OptText(300)),
];
const PAS: &[FieldSpec] = &[field("pa_seen_at", Check::OptMillis)];
const DUTY_TEAMS: &[FieldSpec] = &[field("duty_seen_at", Check::OptMillis), field("duty_seen_by", Check::OptText(100))];

pub fn check_put(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    let specs: Vec<FieldSpec> = YOUNG_PERSONS.iter().chain(PAS).chain(DUTY_TEAMS).copied().collect();
    for spec in check_fields(&specs, change)? {
        let owner = if YOUNG_PERSONS.iter().any(|s| s.name == spec.name) {
            Role::YoungPerson
        } else if PAS.iter().any(|s| s.name == spec.name) {
            Role::Advisor
        } else {
            Role::Manager
        };
        if owner != role {
            return Err(FieldRuleError::NotYours(spec.name.to_string()));
        }
    }
    if current.is_none() {
        require(change, &["raised_at"])?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsafeAlert {
    pub raised_at: i64,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub pa_seen_at: Option<i64>,
    #[serde(default)]
    pub duty_seen_at: Option<i64>,
    #[serde(default)]
    pub duty_seen_by: Option<String>,
}

impl UnsafeAlert {
    pub fn from_fields(fields: &Fields) -> Option<Self> {
        serde_json::from_value(serde_json::Value::Object(fields.clone())).ok()
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
    fn an_alert_carries_the_time_and_each_side_marks_only_its_own_seen() {
        let alert = f(json!({"raised_at": 1_790_000_000_000_i64}));
        assert_eq!(check_put(Role::YoungPerson, &alert, None), Ok(()));
        assert_eq!(check_put(Role::Advisor, &f(json!({"pa_seen_at": 1_790_000_000_500_i64})), Some(&alert)), Ok(()));
        assert_eq!(
            check_put(Role::Advisor, &f(json!({"duty_seen_at": 1_790_000_000_500_i64})), Some(&alert)),
            Err(FieldRuleError::NotYours("duty_seen_at".into()))
        );
        assert_eq!(check_put(Role::YoungPerson, &f(json!({})), None), Err(FieldRuleError::Missing("raised_at")));
        assert!(check_put(Role::YoungPerson, &f(json!({"raised_at": "now"})), None).is_err());
    }
}
