//! The app lock's thin layer over localStorage: the wrong tries and the
//! "locked" flag. The PIN itself is never stored: it opens the vault's data
//! key on the phone (`vault`) and is checked as a slow hash on the server.

use super::rules::Tries;

/// Wrong tries since the last right one.
const TRIES: &str = "pathway.lock.tries";
/// "1" while the app is locked, so a reload (or another tab) stays locked.
const LOCKED: &str = "pathway.lock.locked";
/// "1" once this session's server holds the PIN. A new sign-in (the
/// sign-in page removes it) starts without: locking that session would end
/// it, so the phone's lock holds alone until her first unlock gives the
/// server the PIN.
const SERVER_HAS_PIN: &str = "pathway.lock.server_pin";

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
    crate::vault::has_pin()
}

pub fn server_has_pin() -> bool {
    get(SERVER_HAS_PIN).is_some()
}

pub fn set_server_has_pin(yes: bool) {
    if yes { set(SERVER_HAS_PIN, "1") } else { remove(SERVER_HAS_PIN) }
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
    key.is_some_and(|k| crate::vault::is_wraps_key(&k))
}

/// Removes the tries and the locked flag (turning the lock off, and every
/// wipe; the PIN goes with the vault's key, `vault::forget`).
pub fn forget() {
    remove(TRIES);
    remove(LOCKED);
    remove(SERVER_HAS_PIN);
}
