//! The one error shape of the JSON API: `{"error": {"code", "message"}}`.

use serde::{Deserialize, Serialize};

/// Machine-readable error codes. The app chooses what to tell a young person
/// from the code; the message is for developers and logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not valid JSON, or has the wrong shape or types.
    InvalidJson,
    /// The body was not sent as `application/json`.
    UnsupportedMediaType,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The JSON was well formed but a value is not allowed.
    ValidationFailed,
    /// No session, or the session has ended.
    Unauthenticated,
    /// Signed in, but this role may not do this.
    Forbidden,
    /// Nothing here, or nothing this caller may see (we never say which).
    NotFound,
    /// Wrong username or passphrase.
    InvalidCredentials,
    /// Too many tries in a short time.
    TooManyAttempts,
    /// The request method is not allowed on this path.
    MethodNotAllowed,
    /// Something broke on our side.
    Internal,
    /// Staff sign-in: the passphrase was right; now send the code from the
    /// authenticator app (or a recovery code) as `second_factor`.
    SecondFactorNeeded,
    /// The authenticator or recovery code is wrong or already used.
    InvalidSecondFactor,
    /// A staff member must set up their authenticator app before anything
    /// else (`/auth/second-factor/*`).
    SecondFactorSetUpNeeded,
    /// A set-up, invite or reset code that is unknown, used, expired or
    /// replaced by a newer one (we never say which).
    CodeNotValid,
    /// A new passphrase the rules refuse; the message says why in plain words.
    WeakPassphrase,
    /// The account is closed: the app wipes what it keeps on this device.
    AccountClosed,
    /// The request clashes with how things stand (a username taken, a staff
    /// member with young people still on their caseload …).
    Conflict,
    /// This device's session is locked by the app lock: nothing but
    /// `/auth/unlock`, `/auth/lock` and `/auth/logout` answers until the
    /// PIN is given (423).
    Locked,
    /// The PIN sent to `/auth/unlock` is not the one set (403).
    WrongPin,
    /// The tenth wrong PIN: the session has ended, and the app wipes what it
    /// keeps on this device (401).
    PinTriesUsedUp,
    /// Too many changes sent in a short time; `Retry-After` says when to
    /// send again. The app keeps its outbox and waits (429).
    TooManyChanges,
    /// A code this build of the app does not know yet (a newer server).
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: ErrorCode,
    pub message: String,
    /// For uploads of many items: every problem, by item and field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<FieldIssue>,
}

/// One problem with one field of one item in an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("item {index}, {field}: {problem}")]
pub struct FieldIssue {
    /// Position of the item in the upload, from 0.
    pub index: usize,
    pub field: String,
    pub problem: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { error: ErrorDetail { code, message: message.into(), issues: Vec::new() } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_has_the_documented_shape() {
        let body = ErrorBody::new(ErrorCode::InvalidJson, "expected a string");
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["error"]["code"], "invalid_json");
        assert_eq!(json["error"]["message"], "expected a string");
    }

    #[test]
    fn an_unknown_code_from_a_newer_server_still_parses() {
        let body: ErrorBody = serde_json::from_str(r#"{"error":{"code":"brand_new","message":"m"}}"#).unwrap();
        assert_eq!(body.error.code, ErrorCode::Unknown);
    }
}
