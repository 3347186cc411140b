//! Signing in and who the signed-in person is.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use crate::council::CouncilSummary;

pub use crate::role::Role;

pub mod account;
pub mod device_lock;
pub mod passphrase_rules;

pub use account::SecondFactor;

pub const USERNAME_MAX: usize = 100;
pub const PASSPHRASE_MAX: usize = 200;

/// A staff session ends after this long with nothing done: the server
/// counts from the last request, the app from the last key press or click
/// (src/auth/staff_idle.rs), and then removes what the laptop kept.
pub const STAFF_IDLE_MS: i64 = 15 * 60 * 1000;

/// `POST /api/v1/auth/login`. Unknown fields are refused so a typo in a
/// client is caught at once rather than silently ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))] // USERNAME_MAX
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))] // PASSPHRASE_MAX
    pub passphrase: String,
    /// Staff whose second factor is on: the authenticator's 6 digits, or one
    /// of their recovery codes. Asked for only after the passphrase was
    /// right (the answer is `second_factor_needed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_factor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoginRequestError {
    #[error("username is empty")]
    EmptyUsername,
    #[error("username is longer than {USERNAME_MAX} characters")]
    UsernameTooLong,
    #[error("passphrase is empty")]
    EmptyPassphrase,
    #[error("passphrase is longer than {PASSPHRASE_MAX} characters")]
    PassphraseTooLong,
}

impl LoginRequest {
    /// The username as stored: trimmed and lower-case, so "Jade " and "jade"
    /// are the same account.
    pub fn normalised_username(&self) -> String {
        self.username.trim().to_lowercase()
    }

    pub fn validate(&self) -> Result<(), LoginRequestError> {
        let username = self.username.trim();
        if username.is_empty() {
            return Err(LoginRequestError::EmptyUsername);
        }
        if username.chars().count() > USERNAME_MAX {
            return Err(LoginRequestError::UsernameTooLong);
        }
        if self.passphrase.is_empty() {
            return Err(LoginRequestError::EmptyPassphrase);
        }
        if self.passphrase.chars().count() > PASSPHRASE_MAX {
            return Err(LoginRequestError::PassphraseTooLong);
        }
        Ok(())
    }
}

/// `GET /api/v1/me`: the signed-in person, as much as the app needs to
/// choose a landing page and greet them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub person_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub council: CouncilSummary,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub second_factor: SecondFactor,
    /// The language they chose for Pathway's screens (issue 17), kept with
    /// the account so a new phone starts in it; None until they choose.
    #[serde(default)]
    pub language: Option<crate::catalogue::Language>,
}

/// `PUT /api/v1/me/language`: the language of Pathway's screens for this
/// account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetLanguage {
    pub language: crate::catalogue::Language,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(u: &str, p: &str) -> LoginRequest {
        LoginRequest { username: u.into(), passphrase: p.into(), second_factor: None }
    }

    #[test]
    fn usernames_are_matched_without_case_or_spaces() {
        assert_eq!(req("  Jade.Demo ", "x").normalised_username(), "jade.demo");
    }

    #[test]
    fn empty_and_oversized_fields_are_refused() {
        assert_eq!(req("   ", "x").validate(), Err(LoginRequestError::EmptyUsername));
        assert_eq!(req("jade", "").validate(), Err(LoginRequestError::EmptyPassphrase));
        let long = "a".repeat(USERNAME_MAX + 1);
        assert_eq!(req(&long, "x").validate(), Err(LoginRequestError::UsernameTooLong));
        let long = "a".repeat(PASSPHRASE_MAX + 1);
        assert_eq!(req("jade", &long).validate(), Err(LoginRequestError::PassphraseTooLong));
        assert_eq!(req("jade", "pathway-demo").validate(), Ok(()));
    }

    #[test]
    fn unknown_fields_in_a_login_are_refused() {
        let r: Result<LoginRequest, _> = serde_json::from_str(r#"{"username":"a","passphrase":"b","admin":true}"#);
        assert!(r.is_err());
    }

    #[test]
    fn only_young_people_are_not_staff() {
        assert!(!Role::YoungPerson.is_staff());
        assert!(Role::Advisor.is_staff());
        assert!(Role::Manager.is_staff());
        assert_eq!(Role::parse("advisor"), Some(Role::Advisor));
        assert_eq!(Role::parse("admin"), None);
    }
}
