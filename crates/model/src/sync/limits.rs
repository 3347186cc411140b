//! How much one person may send through `POST /sync/push` (issue 15, item
//! 7), in one place so the app's batches and the server's checks agree.
//!
//! The figures are for a real person, with room to spare:
//! - A PA ending a meeting writes a contact, a handful of actions and the
//!   topics talked about in one go: a few dozen changes at most.
//! - A young person's phone that was offline for weeks holds every change
//!   she made meanwhile. The app sends its outbox in pushes of at most
//!   `CHANGES_PER_PUSH`; `CHANGES_PER_MINUTE` lets three full pushes through
//!   each minute, so 1,000 waiting changes are all sent within two minutes.
//!   Over the figure the server answers 429 with `Retry-After` and the app
//!   waits that long with its outbox untouched: nothing is lost, only later.
//!
//! What they stop: one signed-in account (or a stolen session) keeping the
//! server's single writer busy, or filling its tables, for everyone else.

/// The most changes one push may carry. The app cuts its outbox into
/// pushes of at most this many (and under the server's body limit).
pub const CHANGES_PER_PUSH: usize = 200;

/// The most changes one person may send in one `WINDOW_SECS` window, over
/// all their devices. Every change sent counts, a repeat of one already
/// applied too: each costs the server a look-up.
pub const CHANGES_PER_MINUTE: u32 = 600;

/// The length of the counting window, in seconds. A person over the figure
/// waits at most this long.
pub const WINDOW_SECS: u32 = 60;

/// The least wait the app takes after a 429 without a readable
/// `Retry-After` (a proxy's page): the window itself.
pub const DEFAULT_RETRY_AFTER_SECS: u32 = WINDOW_SECS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_push_always_fits_in_a_fresh_window_and_several_fit_each_minute() {
        // A push refused by the per-minute figure in an empty window could
        // never be sent at all.
        assert!(CHANGES_PER_PUSH as u32 <= CHANGES_PER_MINUTE);
        assert!(CHANGES_PER_MINUTE / CHANGES_PER_PUSH as u32 >= 3);
    }
}
