//! The app lock's thin layer over the browser: what it keeps in
//! localStorage, and the PIN's hash by WebCrypto (PBKDF2 with SHA-256).
//! The PIN itself is never stored.

use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::rules::{Tries, from_hex, same_bytes, to_hex};

/// The PIN's salted hash.
const PIN: &str = "pathway.lock.pin";
/// Wrong tries since the last right one.
const TRIES: &str = "pathway.lock.tries";
/// "1" while the app is locked, so a reload (or another tab) stays locked.
const LOCKED: &str = "pathway.lock.locked";

/// PBKDF2 rounds. A phone takes a fraction of a second; stored with each
/// hash so it can be raised later without losing anyone's PIN.
const ITERATIONS: u32 = 210_000;
const SALT_BYTES: usize = 16;
const HASH_BITS: u32 = 256;

#[derive(Serialize, Deserialize)]
struct PinHash {
    salt: String,
    hash: String,
    iterations: u32,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

pub fn has_pin() -> bool {
    get(PIN).is_some()
}

/// Stores a new PIN's hash, with a new salt.
pub async fn set_pin(pin: &str) -> Result<(), JsValue> {
    let crypto = web_sys::window().ok_or("no window")?.crypto()?;
    let mut salt = [0u8; SALT_BYTES];
    crypto.get_random_values_with_u8_array(&mut salt)?;
    let hash = derive(pin, &salt, ITERATIONS).await?;
    let record = PinHash { salt: to_hex(&salt), hash: to_hex(&hash), iterations: ITERATIONS };
    let text = serde_json::to_string(&record).map_err(|e| e.to_string())?;
    storage().ok_or("no storage")?.set_item(PIN, &text)?;
    set_tries(&Tries::default());
    Ok(())
}

/// Whether `pin` is the one set. No PIN set (or an unreadable record)
/// matches nothing.
pub async fn pin_matches(pin: &str) -> Result<bool, JsValue> {
    let Some(record) = get(PIN).and_then(|t| serde_json::from_str::<PinHash>(&t).ok()) else {
        return Ok(false);
    };
    let (Some(salt), Some(hash)) = (from_hex(&record.salt), from_hex(&record.hash)) else {
        return Ok(false);
    };
    let tried = derive(pin, &salt, record.iterations).await?;
    Ok(same_bytes(&tried, &hash))
}

async fn derive(pin: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, JsValue> {
    let subtle = web_sys::window().ok_or("no window")?.crypto()?.subtle();
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let key = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(pin.as_bytes()),
        "PBKDF2",
        false,
        &usages,
    )?)
    .await?
    .unchecked_into::<web_sys::CryptoKey>();
    let params = web_sys::Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let bits = JsFuture::from(subtle.derive_bits_with_object(&params, &key, HASH_BITS)?).await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

pub fn tries() -> Tries {
    get(TRIES).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

pub fn set_tries(tries: &Tries) {
    if let Ok(text) = serde_json::to_string(tries) {
        set(TRIES, &text);
    }
}

pub fn mark_locked() {
    set(LOCKED, "1");
}

pub fn clear_locked() {
    remove(LOCKED);
}

pub fn is_marked_locked() -> bool {
    get(LOCKED).is_some()
}

/// Whether a storage event from another tab says it just locked.
pub fn is_lock_event(key: Option<String>, new_value: Option<String>) -> bool {
    key.as_deref() == Some(LOCKED) && new_value.is_some()
}

/// Whether a storage event from another tab set or removed the PIN.
pub fn is_pin_event(key: Option<String>) -> bool {
    key.as_deref() == Some(PIN)
}

/// Removes the PIN, the tries and the locked flag (turning the lock off,
/// and every sign-out).
pub fn forget() {
    remove(PIN);
    remove(TRIES);
    remove(LOCKED);
}
