//! "I feel unsafe": an urgent alert from a young person to their PA and the
//! council's duty team, with the time it was raised on the phone. It is a
//! synced record so it is queued when offline and sent as soon as the phone
//! is back online; the app shows the emergency numbers at once either way.

use serde::{Deserialize, Serialize};

use crate::record::check::{Check, Who, check_change};
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

record_kind! {
    /// An alert, as the PA and the duty team see it. Serde too: it travels
    /// inside `council::InboxAlert`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub struct UnsafeAlert;
    /// A change to an alert: only the fields set are sent.
    pub struct UnsafeAlertChange;
    kind: UnsafeAlert,
    table: FIELDS,
    // Each side marks only its own "seen".
    fields {
        /// When the button was pressed on the phone (not when it reached us).
        raised_at: i64 = must, Check::Millis, Who::Roles(Roles::YOUNG_PERSON);
        #[serde(default)]
        note: Option<String> = or_default, Check::OptText(300), Who::Roles(Roles::YOUNG_PERSON);
        #[serde(default)]
        pa_seen_at: Option<i64> = or_default, Check::OptMillis, Who::Roles(Roles::ADVISOR);
        #[serde(default)]
        duty_seen_at: Option<i64> = or_default, Check::OptMillis, Who::Roles(Roles::MANAGER);
        #[serde(default)]
        duty_seen_by: Option<String> = or_default, Check::OptText(100), Who::Roles(Roles::MANAGER);
    }
}

pub fn check_put(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    check_change(FIELDS, role, change, current, false)
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

    #[test]
    fn a_typed_alert_is_the_record_the_pa_reads() {
        let raise = UnsafeAlertChange { raised_at: Some(1_790_000_000_000), ..Default::default() }.into_fields();
        assert_eq!(check_put(Role::YoungPerson, &raise, None), Ok(()));
        let seen = UnsafeAlertChange { pa_seen_at: Some(Some(1_790_000_000_500)), ..Default::default() }.into_fields();
        assert_eq!(check_put(Role::Advisor, &seen, Some(&raise)), Ok(()));
        let mut stored = raise.clone();
        stored.extend(seen);
        let a = UnsafeAlert::from_fields(&stored).unwrap();
        assert_eq!((a.raised_at, a.pa_seen_at, a.duty_seen_at), (1_790_000_000_000, Some(1_790_000_000_500), None));
    }
}
