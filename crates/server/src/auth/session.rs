//! How long a sign-in lasts, by role (docs/architecture.md §5): young people keep a device
//! session of up to 30 days idle, renewed on use and guarded on the phone by
//! the app lock, and never more than 90 days from signing in; its token is
//! replaced at most once a day while in use. Staff sessions end after 15
//! minutes idle or 8 hours in all.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use pathway_model::auth::Role;
use rand::RngCore;
use sha2::{Digest, Sha256};

const MINUTE_MS: i64 = 60 * 1000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

pub const YOUNG_PERSON_LIFETIME_MS: i64 = 30 * DAY_MS;
/// A young person signs in again at least this often, however much she uses the app.
pub const YOUNG_PERSON_ABSOLUTE_MS: i64 = 90 * DAY_MS;
/// A young person's token is replaced when it is this old and used.
pub const ROTATE_EVERY_MS: i64 = DAY_MS;
/// How long a replaced token still works, for requests already in flight.
pub const REPLACED_TOKEN_GRACE_MS: i64 = 60 * 1000;
/// The same figure as the app's idle timer (both read the model's).
pub const STAFF_IDLE_MS: i64 = pathway_model::auth::STAFF_IDLE_MS;
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
/// up to 90 days after `created_at` (when she signed in); staff sessions keep
/// their absolute end.
pub fn renewed_expiry(role: Role, now: i64, created_at: i64, expires_at: i64) -> i64 {
    if role.is_staff() {
        expires_at
    } else {
        (now + YOUNG_PERSON_LIFETIME_MS).min(created_at + YOUNG_PERSON_ABSOLUTE_MS)
    }
}

/// Whether a session's token is due to be replaced at `now`: young people's
/// only (staff sessions are short anyway), and at most once a day.
pub fn rotation_due(role: Role, now: i64, rotated_at: i64) -> bool {
    !role.is_staff() && now - rotated_at >= ROTATE_EVERY_MS
}

/// A short name for the browser and system a session was made on, from its
/// User-Agent: "Chrome on Android", "Safari on iPhone" … What a person sees
/// in "where you are signed in"; a guess, never used for security.
pub fn device_label(user_agent: &str) -> String {
    let ua = user_agent;
    let system = if ua.contains("iPhone") {
        Some("iPhone")
    } else if ua.contains("iPad") {
        Some("iPad")
    } else if ua.contains("Android") {
        Some("Android")
    } else if ua.contains("CrOS") {
        Some("a Chromebook")
    } else if ua.contains("Windows") {
        Some("Windows")
    } else if ua.contains("Macintosh") || ua.contains("Mac OS X") {
        Some("a Mac")
    } else if ua.contains("Linux") {
        Some("Linux")
    } else {
        None
    };
    // Order matters: Edge and Samsung's browser also say Chrome, and Chrome
    // also says Safari.
    let browser = if ua.contains("Edg/") || ua.contains("EdgA/") || ua.contains("EdgiOS/") {
        Some("Edge")
    } else if ua.contains("SamsungBrowser/") {
        Some("Samsung Internet")
    } else if ua.contains("Firefox/") || ua.contains("FxiOS/") {
        Some("Firefox")
    } else if ua.contains("OPR/") || ua.contains("Opera") {
        Some("Opera")
    } else if ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/") {
        Some("Chrome")
    } else if ua.contains("Safari/") && ua.contains("Version/") {
        Some("Safari")
    } else {
        None
    };
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} on {s}"),
        (Some(b), None) => b.to_string(),
        (None, Some(s)) => format!("A web browser on {s}"),
        (None, None) => "A web browser".to_string(),
    }
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
        assert_eq!(renewed_expiry(Role::Manager, later - 1, start, exp), exp);
        assert!(!is_alive(Role::Manager, later, later - 1, exp));
    }

    #[test]
    fn young_people_stay_signed_in_while_they_use_the_app() {
        let start = 1_000_000;
        let exp = initial_expiry(Role::YoungPerson, start);
        let day_29 = start + 29 * DAY_MS;
        assert!(is_alive(Role::YoungPerson, day_29, start, exp));
        let renewed = renewed_expiry(Role::YoungPerson, day_29, start, exp);
        assert!(is_alive(Role::YoungPerson, start + 40 * DAY_MS, day_29, renewed));
        assert!(!is_alive(Role::YoungPerson, start + 31 * DAY_MS, start, exp));
    }

    #[test]
    fn a_young_persons_session_ends_90_days_after_sign_in_however_much_she_uses_it() {
        let start = 1_000_000;
        let mut exp = initial_expiry(Role::YoungPerson, start);
        let mut last = start;
        // Used every day: the idle limit never bites, the absolute one does.
        for day in 1..=100 {
            let now = start + day * DAY_MS;
            let alive = is_alive(Role::YoungPerson, now, last, exp);
            assert_eq!(alive, day < 90, "day {day}");
            if !alive {
                break;
            }
            exp = renewed_expiry(Role::YoungPerson, now, start, exp);
            last = now;
        }
        assert_eq!(exp, start + YOUNG_PERSON_ABSOLUTE_MS);
    }

    #[test]
    fn only_young_peoples_tokens_are_replaced_and_at_most_daily() {
        assert!(!rotation_due(Role::YoungPerson, 1_000 + DAY_MS - 1, 1_000));
        assert!(rotation_due(Role::YoungPerson, 1_000 + DAY_MS, 1_000));
        assert!(!rotation_due(Role::Advisor, 1_000 + 2 * DAY_MS, 1_000));
    }

    #[test]
    fn devices_get_a_plain_name_from_the_browser() {
        let cases = [
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
                "Chrome on Android",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Safari on iPhone",
            ),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox on Windows"),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
                "Edge on Windows",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36",
                "Samsung Internet on Android",
            ),
            ("curl/8.5", "A web browser"),
            ("", "A web browser"),
        ];
        for (ua, want) in cases {
            assert_eq!(device_label(ua), want, "{ua}");
        }
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
