//! The app lock as the server keeps it (decision 0013): a young person's
//! PIN is set on her device session, that session is locked when the app
//! locks, and only the PIN (or signing out) opens it again. The app checks
//! the same PIN on the phone when there is no signal.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A PIN is this many digits long, at least and at most.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 6;

/// After this many wrong PINs in a row the session ends and the device wipes.
pub const MAX_PIN_TRIES: u32 = 10;

/// `PUT /api/v1/auth/pin` (set or change this device session's PIN) and
/// `POST /api/v1/auth/unlock`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PinRequest {
    /// 4 to 6 digits (`check_pin`).
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{4,6}$"))]
    pub pin: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PinError {
    #[error("a PIN is 4 to 6 numbers")]
    WrongLength,
    #[error("a PIN is numbers only (0 to 9)")]
    NotDigits,
}

/// Checks the shape of a PIN: 4 to 6 ASCII digits.
pub fn check_pin(pin: &str) -> Result<(), PinError> {
    if !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    if !(PIN_MIN..=PIN_MAX).contains(&pin.len()) {
        return Err(PinError::WrongLength);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_four_to_six_plain_digits() {
        assert_eq!(check_pin("1234"), Ok(()));
        assert_eq!(check_pin("123456"), Ok(()));
        assert_eq!(check_pin("123"), Err(PinError::WrongLength));
        assert_eq!(check_pin("1234567"), Err(PinError::WrongLength));
        assert_eq!(check_pin(""), Err(PinError::WrongLength));
        assert_eq!(check_pin("12a4"), Err(PinError::NotDigits));
        assert_eq!(check_pin("١٢٣٤"), Err(PinError::NotDigits));
    }
}
