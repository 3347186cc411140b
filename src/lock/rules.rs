//! The app lock's rules as plain code, with no browser in them: when to
//! lock, what a new PIN must look like, how many wrong tries are allowed
//! and what to say after each. Times are milliseconds since 1970, as
//! `Date.now()` gives them.

use serde::{Deserialize, Serialize};

use crate::i18n::{k, t, tp};

/// Lock after this long with no tap or key press.
pub const IDLE_MS: f64 = 5.0 * 60_000.0;
/// Lock when the page comes back after being hidden for longer than this.
pub const HIDDEN_MS: f64 = 30_000.0;
/// Wrong tries allowed before each further try has to wait.
pub const FREE_TRIES: u32 = 5;
/// How long to wait after a wrong try, once the free tries are used up.
pub const WAIT_MS: f64 = 30_000.0;
/// After this many wrong tries, Pathway signs out and wipes the phone's data
/// (the server ends the session after as many).
pub const MAX_TRIES: u32 = pathway_model::auth::device_lock::MAX_PIN_TRIES;
/// From this many wrong tries on, say how many are left.
pub const WARN_FROM: u32 = 8;

pub use pathway_model::auth::device_lock::{PIN_MAX, PIN_MIN};

/// No tap or key press for long enough: lock.
pub fn idle_too_long(last_input_ms: f64, now_ms: f64) -> bool {
    now_ms - last_input_ms >= IDLE_MS
}

/// The page is visible again after being hidden since `hidden_at_ms`:
/// lock if it was away for long enough.
pub fn away_too_long(hidden_at_ms: Option<f64>, now_ms: f64) -> bool {
    hidden_at_ms.is_some_and(|at| now_ms - at > HIDDEN_MS)
}

/// A PIN as the server and the lock compare it: an Arabic or Persian phone
/// keyboard types ١٢٣٤ or ۱۲۳۴ for 1234, which she means as the same PIN.
pub fn western_digits(typed: &str) -> String {
    typed
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

/// Checks a new PIN and its second typing; the error says what to fix.
pub fn check_new_pin(pin: &str, again: &str) -> Result<(), &'static str> {
    if pin.is_empty() {
        return Err(t(k::LOCK_NEW_PIN_EMPTY));
    }
    if !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(t(k::LOCK_NEW_PIN_NOT_DIGITS));
    }
    if !(PIN_MIN..=PIN_MAX).contains(&pin.len()) {
        return Err(t(k::LOCK_NEW_PIN_WRONG_LENGTH));
    }
    if again != pin {
        return Err(t(k::LOCK_NEW_PIN_NOT_SAME));
    }
    Ok(())
}

/// Wrong tries at the lock since the last right one. Kept on the phone, so
/// a reload does not start the count again.
#[derive(Debug, Default, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Tries {
    pub wrong: u32,
    pub last_wrong_ms: f64,
}

impl Tries {
    /// Counts a wrong try made at `now_ms`.
    pub fn add_wrong(&mut self, now_ms: f64) {
        self.wrong = self.wrong.saturating_add(1);
        self.last_wrong_ms = now_ms;
    }

    /// How long before the next try is allowed (0 when it is allowed now).
    /// Never more than one wait, even if the phone's clock went back.
    pub fn wait_left_ms(&self, now_ms: f64) -> f64 {
        if self.wrong < FREE_TRIES {
            return 0.0;
        }
        (self.last_wrong_ms + WAIT_MS - now_ms).clamp(0.0, WAIT_MS)
    }

    /// Too many wrong tries: sign out and wipe the phone's data.
    pub fn must_sign_out(&self) -> bool {
        self.wrong >= MAX_TRIES
    }

    /// Tries left before Pathway signs out.
    pub fn left(&self) -> u32 {
        MAX_TRIES.saturating_sub(self.wrong)
    }
}

/// What to say after a wrong try, given the count so far.
pub fn after_wrong_words(tries: &Tries) -> String {
    if tries.must_sign_out() {
        return tp(k::LOCK_WRONG_SIGNING_OUT, MAX_TRIES, &[]);
    }
    let mut words = if tries.wrong >= FREE_TRIES {
        tp(k::LOCK_WRONG_WAIT, (WAIT_MS / 1000.0) as u32, &[])
    } else {
        t(k::LOCK_WRONG_TRY_AGAIN).to_string()
    };
    if tries.wrong >= WARN_FROM {
        words.push(' ');
        words.push_str(&tries_left_words(tries.left()));
    }
    words
}

/// "2 tries left before Pathway signs you out."
pub fn tries_left_words(left: u32) -> String {
    tp(k::LOCK_TRIES_LEFT, left, &[])
}

/// "You can try again in 27 seconds." (rounded up), or nothing when
/// there is no wait.
pub fn wait_words(wait_left_ms: f64) -> Option<String> {
    if wait_left_ms <= 0.0 {
        return None;
    }
    let seconds = (wait_left_ms / 1000.0).ceil() as u32;
    Some(tp(k::LOCK_WAIT, seconds, &[]))
}

/// What the phone found when it tried the PIN on the vault's data key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneSaid {
    Right,
    Wrong,
    /// No PIN on this phone (removed by hand, say): only the server decides.
    NoPin,
}

/// What the server answered to the unlock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerSaid {
    Unlocked,
    WrongPin,
    /// The tenth wrong PIN: the session has ended.
    TriesUsedUp,
    /// The session had ended already (signed out elsewhere, timed out).
    SignedOut,
    Unreachable,
    /// Anything else: the session has no PIN yet (she signed in again).
    Other,
}

/// What the lock screen does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Unlock.
    Open,
    /// Unlock, and give the server the PIN (its session had none).
    OpenAndTellServer,
    /// Unlock here; the server is told when there is a signal.
    OpenServerLater,
    Wrong,
    /// Sign out and wipe everything on the phone.
    WipeAll,
    /// The session ended: open here (her data stays sealed) and sign in.
    SignIn,
    /// Nothing decided (no signal and no PIN on the phone): try again.
    TryAgain,
}

/// Both must agree the PIN is right; the server's "used up" wins over all.
pub fn verdict(phone: PhoneSaid, server: ServerSaid) -> Verdict {
    use {PhoneSaid as P, ServerSaid as S};
    match (phone, server) {
        (_, S::TriesUsedUp) => Verdict::WipeAll,
        (P::Wrong, _) | (_, S::WrongPin) => Verdict::Wrong,
        (_, S::SignedOut) => Verdict::SignIn,
        (_, S::Unlocked) => Verdict::Open,
        (P::Right, S::Unreachable) => Verdict::OpenServerLater,
        (P::Right, S::Other) => Verdict::OpenAndTellServer,
        (P::NoPin, S::Unreachable | S::Other) => Verdict::TryAgain,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn locks_after_five_minutes_with_no_input() {
        assert!(!idle_too_long(0.0, 4.0 * 60_000.0));
        assert!(!idle_too_long(0.0, 5.0 * 60_000.0 - 1.0));
        assert!(idle_too_long(0.0, 5.0 * 60_000.0));
    }

    #[test]
    fn locks_on_return_only_after_more_than_thirty_seconds_away() {
        assert!(!away_too_long(None, 1e12));
        assert!(!away_too_long(Some(1_000.0), 31_000.0));
        assert!(away_too_long(Some(1_000.0), 31_001.0));
    }

    #[test]
    fn arabic_and_persian_keyboard_digits_are_the_same_pin() {
        assert_eq!(western_digits("١٢٣٤"), "1234");
        assert_eq!(western_digits("۰۹۸۷"), "0987");
        assert_eq!(western_digits("12a"), "12a");
        assert_eq!(check_new_pin(&western_digits("٢٤٦٨"), &western_digits("2468")), Ok(()));
    }

    #[test]
    fn a_new_pin_is_4_to_6_digits_typed_the_same_twice() {
        assert_eq!(check_new_pin("1234", "1234"), Ok(()));
        assert_eq!(check_new_pin("123456", "123456"), Ok(()));
        assert_eq!(check_new_pin("", ""), Err("Enter a PIN of 4 to 6 numbers."));
        assert_eq!(check_new_pin("123", "123"), Err("Your PIN must be 4 to 6 numbers long."));
        assert_eq!(check_new_pin("1234567", "1234567"), Err("Your PIN must be 4 to 6 numbers long."));
        assert_eq!(check_new_pin("12a4", "12a4"), Err("Use numbers only (0 to 9) in your PIN."));
        assert_eq!(check_new_pin("١٢٣٤", "١٢٣٤"), Err("Use numbers only (0 to 9) in your PIN."));
        assert_eq!(check_new_pin("1234", "1243"), Err("The 2 PINs are not the same. Type the same PIN twice."));
    }

    fn after(n: u32, last_ms: f64) -> Tries {
        let mut t = Tries::default();
        for _ in 0..n {
            t.add_wrong(last_ms);
        }
        t
    }

    #[test]
    fn the_first_four_wrong_tries_need_no_wait() {
        for n in 0..FREE_TRIES {
            assert_eq!(after(n, 1_000.0).wait_left_ms(1_000.0), 0.0, "{n}");
        }
        assert_eq!(after(4, 0.0).left(), 6);
    }

    #[test]
    fn from_the_fifth_wrong_try_each_next_try_waits_30_seconds() {
        let t = after(5, 10_000.0);
        assert_eq!(t.wait_left_ms(10_000.0), 30_000.0);
        assert_eq!(t.wait_left_ms(25_000.0), 15_000.0);
        assert_eq!(t.wait_left_ms(40_000.0), 0.0);
        assert_eq!(after(7, 0.0).wait_left_ms(29_000.0), 1_000.0);
    }

    #[test]
    fn a_clock_turned_back_never_makes_the_wait_longer() {
        assert_eq!(after(6, 100_000.0).wait_left_ms(0.0), WAIT_MS);
    }

    #[test]
    fn ten_wrong_tries_sign_out() {
        assert!(!after(9, 0.0).must_sign_out());
        assert!(after(10, 0.0).must_sign_out());
        assert_eq!(after(10, 0.0).left(), 0);
        assert_eq!(after(12, 0.0).left(), 0);
    }

    #[test]
    fn the_words_after_a_wrong_try_warn_from_the_eighth() {
        assert_eq!(after_wrong_words(&after(1, 0.0)), "That PIN is not right. Try again.");
        assert_eq!(after_wrong_words(&after(5, 0.0)), "That PIN is not right. Wait 30 seconds before you try again.");
        assert_eq!(
            after_wrong_words(&after(8, 0.0)),
            "That PIN is not right. Wait 30 seconds before you try again. 2 tries left before Pathway signs you out."
        );
        assert!(after_wrong_words(&after(9, 0.0)).ends_with(" 1 try left before Pathway signs you out."));
        assert!(after_wrong_words(&after(10, 0.0)).contains("signing you out"));
    }

    #[test]
    fn the_wait_is_said_in_whole_seconds_rounded_up() {
        assert_eq!(wait_words(0.0), None);
        assert_eq!(wait_words(-5.0), None);
        assert_eq!(wait_words(30_000.0).as_deref(), Some("Too many wrong tries. You can try again in 30 seconds."));
        assert_eq!(wait_words(26_100.0).as_deref(), Some("Too many wrong tries. You can try again in 27 seconds."));
        assert_eq!(wait_words(400.0).as_deref(), Some("Too many wrong tries. You can try again in 1 second."));
    }

    #[test]
    fn the_pin_opens_only_when_neither_side_says_wrong() {
        use {PhoneSaid as P, ServerSaid as S};
        assert_eq!(verdict(P::Right, S::Unlocked), Verdict::Open);
        assert_eq!(verdict(P::Right, S::WrongPin), Verdict::Wrong, "the server's hash wins");
        assert_eq!(verdict(P::Wrong, S::Unreachable), Verdict::Wrong, "offline, the phone decides");
        assert_eq!(verdict(P::Right, S::Unreachable), Verdict::OpenServerLater);
        assert_eq!(verdict(P::NoPin, S::Unlocked), Verdict::Open, "a removed PIN record needs the server");
        assert_eq!(verdict(P::NoPin, S::Unreachable), Verdict::TryAgain);
        assert_eq!(verdict(P::Right, S::TriesUsedUp), Verdict::WipeAll);
        assert_eq!(verdict(P::Right, S::SignedOut), Verdict::SignIn);
        assert_eq!(verdict(P::Right, S::Other), Verdict::OpenAndTellServer);
    }

    #[test]
    fn tries_survive_a_reload_as_json() {
        let t = after(3, 42.0);
        let text = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Tries>(&text).unwrap(), t);
    }
}
