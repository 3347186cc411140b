//! The account's own API (issue 13): redeeming a code, the staff second
//! factor, changing a passphrase, where you are signed in, and closing an
//! account. Requests refuse unknown fields, as `LoginRequest` does.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Role;

/// Whether sign-in asks this person for an authenticator code. Part of
/// `Me`, so the sign-in page knows whether to show the set-up step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SecondFactor {
    /// Young people: the app lock guards their phone instead.
    #[default]
    NotAsked,
    /// Set up: every sign-in asks for a code.
    On,
    /// Staff who have not set it up: nothing else works until they do.
    SetUpNeeded,
    /// A sample staff account made by `--demo`: may skip setting it up.
    Optional,
}

/// `POST /api/v1/auth/code`: what a code is for and whose it is, before the
/// person chooses a passphrase. Anyone may ask; guesses count against the
/// address like failed sign-ins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeCheckRequest {
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeCheck {
    pub first_name: String,
    /// The username she will sign in with: shown before she chooses.
    pub username: String,
    pub role: Role,
    pub purpose: crate::code::CodePurpose,
}

/// `POST /api/v1/auth/redeem`: use a code and set a passphrase. Signs in
/// (answers with `Me`, as a sign-in does) and ends every other session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RedeemRequest {
    pub code: String,
    pub passphrase: String,
}

/// `POST /api/v1/auth/second-factor/start` (staff): a new secret to add to
/// an authenticator app. Not switched on until confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorSetUp {
    /// Base32, in groups of four, for typing into the app by hand.
    pub secret: String,
    /// `otpauth://totp/…` (RFC 6238, SHA-1, 6 digits, 30 seconds).
    pub otpauth_uri: String,
    /// The same URI as a QR code: an SVG image.
    pub qr_svg: String,
}

/// `POST /api/v1/auth/second-factor/confirm`: the first code from the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SecondFactorConfirm {
    pub code: String,
}

/// The answer to a confirm: one-time recovery codes, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

/// How many recovery codes a staff member gets.
pub const RECOVERY_CODE_COUNT: usize = 10;

/// `POST /api/v1/auth/passphrase`: change your own passphrase. Ends every
/// other session of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePassphrase {
    pub current: String,
    pub new: String,
}

/// One row of `GET /api/v1/auth/sessions`: a place you are signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// `DELETE /api/v1/auth/sessions/{id}` signs it out.
    pub id: Uuid,
    /// "Chrome on Android", worked out from the browser when it signed in.
    pub device: String,
    /// This is the session the request came with.
    pub this_device: bool,
    /// Unix ms.
    pub signed_in_at: i64,
    pub last_used_at: i64,
}

/// `POST /api/v1/me/close` (young people): close her own account. The
/// passphrase is asked again, so nobody who picks up her phone can.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CloseAccount {
    pub passphrase: String,
}
