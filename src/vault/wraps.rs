//! The wrapped (sealed) copies of the data key, kept in localStorage as
//! one small record: by the PIN's key, or by the device key. Never the
//! key itself.

use serde::{Deserialize, Serialize};

/// The one localStorage key of the record.
const WRAPS: &str = "pathway.vault";

/// PBKDF2 rounds for the PIN's key. A phone takes a fraction of a second;
/// stored with each wrap so it can be raised later without losing anyone's
/// data.
pub const ITERATIONS: u32 = 210_000;
pub const SALT_BYTES: usize = 16;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Wraps {
    /// The data key sealed by the PIN's key.
    pub pin: Option<PinWrap>,
    /// The data key sealed by the device key (hex), when there is no PIN.
    pub device: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PinWrap {
    pub salt: String,
    pub iterations: u32,
    pub key: String,
}

impl PinWrap {
    pub fn new(salt: &[u8], wrapped: &[u8]) -> Self {
        PinWrap { salt: to_hex(salt), iterations: ITERATIONS, key: to_hex(wrapped) }
    }

    /// The salt and the wrapped key as bytes; `None` if the record is not hex.
    pub fn bytes(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        Some((from_hex(&self.salt)?, from_hex(&self.key)?))
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Wraps {
    /// The record as stored; none (or one that does not read) is empty.
    pub fn read() -> Wraps {
        storage()
            .and_then(|s| s.get_item(WRAPS).ok().flatten())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn write(&self) {
        if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(self)) {
            let _ = s.set_item(WRAPS, &text);
        }
    }

    pub fn forget() {
        if let Some(s) = storage() {
            let _ = s.remove_item(WRAPS);
        }
    }
}

/// Whether a storage event from another tab changed the record (a PIN set
/// or removed there).
pub fn is_wraps_key(key: Option<&str>) -> bool {
    key == Some(WRAPS)
}

/// Bytes as lower-case hex: localStorage holds text only.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// Hex back to bytes; `None` for anything that isn't hex.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn hex_goes_there_and_back() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(to_hex(&bytes), "0001abff");
        assert_eq!(from_hex("0001abff"), Some(bytes.to_vec()));
        assert_eq!(from_hex("0g"), None);
        assert_eq!(from_hex("abc"), None);
        assert_eq!(from_hex("é1"), None);
    }

    #[test]
    fn the_record_never_holds_the_key_itself_only_wraps() {
        let w = Wraps { pin: Some(PinWrap::new(&[1, 2], &[3, 4])), device: None };
        let text = serde_json::to_string(&w).unwrap();
        assert_eq!(text, r#"{"pin":{"salt":"0102","iterations":210000,"key":"0304"},"device":null}"#);
        assert_eq!(serde_json::from_str::<Wraps>(&text).unwrap(), w);
    }
}
