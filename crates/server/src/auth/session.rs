//! How long a sign-in lasts, by role (docs/architecture.md §5): young people keep a device
//! session of up to 30 days, renewed on use and guarded on the phone by the
//! app lock; staff sessions end after 15 minutes idle or 8 hours in all.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use pathway_model::auth::Role;
use rand::RngCore;
use sha2::{Digest, Sha256};

const MINUTE_MS: i64 = 60 * 1000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

pub const YOUNG_PERSON_LIFETIME_MS: i64 = 30 * DAY_MS;
pub const STAFF_IDLE_MS: i64 = 15 * MINUTE_MS;
pub const STAFF_ABSOLUTE_MS: i64 = 8 * 60 * MINUTE_MS;
/// `last_seen_at` is written at most this often, so reads stay reads.
pub const TOUCH_EVERY_MS: i64 = MINUTE_MS;

/// A new random session token (256 bits) for the cookie.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database stores instead of the token.
pub fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

pub fn initial_expiry(role: Role, now: i64) -> i64 {
    if role.is_staff() { now + STAFF_ABSOLUTE_MS } else { now + YOUNG_PERSON_LIFETIME_MS }
}

/// Whether a session is still alive at `now`.
pub fn is_alive(role: Role, now: i64, last_seen_at: i64, expires_at: i64) -> bool {
    if now >= expires_at {
        return false;
    }
    !(role.is_staff() && now - last_seen_at > STAFF_IDLE_MS)
}

/// The expiry after a use at `now`: young people's sessions slide forward,
/// staff sessions keep their absolute end.
pub fn renewed_expiry(role: Role, now: i64, expires_at: i64) -> i64 {
    if role.is_staff() { expires_at } else { now + YOUNG_PERSON_LIFETIME_MS }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_sessions_end_after_fifteen_idle_minutes() {
        let start = 1_000_000;
        let exp = initial_expiry(Role::Advisor, start);
        assert!(is_alive(Role::Advisor, start + STAFF_IDLE_MS, start, exp));
        assert!(!is_alive(Role::Advisor, start + STAFF_IDLE_MS + 1, start, exp));
    }

    #[test]
    fn staff_sessions_end_after_eight_hours_even_when_busy() {
        let start = 1_000_000;
        let exp = initial_expiry(Role::Manager, start);
        let later = start + STAFF_ABSOLUTE_MS;
        assert_eq!(renewed_expiry(Role::Manager, later - 1, exp), exp);
        assert!(!is_alive(Role::Manager, later, later - 1, exp));
    }

    #[test]
    fn young_people_stay_signed_in_while_they_use_the_app() {
        let start = 1_000_000;
        let exp = initial_expiry(Role::YoungPerson, start);
        let day_29 = start + 29 * DAY_MS;
        assert!(is_alive(Role::YoungPerson, day_29, start, exp));
        let renewed = renewed_expiry(Role::YoungPerson, day_29, exp);
        assert!(is_alive(Role::YoungPerson, start + 40 * DAY_MS, day_29, renewed));
        assert!(!is_alive(Role::YoungPerson, start + 31 * DAY_MS, start, exp));
    }

    #[test]
    fn tokens_are_random_and_only_their_hash_is_stored() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
