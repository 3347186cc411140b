//! When the sync engine syncs, as a small state machine with no clock,
//! browser or network in it. The engine tells it what happened and does
//! what it says. Keeping the rules here lets plain native `#[test]`s check
//! them. In the browser they depend on timers and the network, so they
//! would be slow and flaky to test there.
//!
//! The rules:
//! - A sync runs when something asks for one: the store has loaded, the
//!   browser came online, the page was shown again, the person tapped "Try
//!   to sync now", or the timer fired.
//! - A change waits half a second first, so a burst of typing is sent as
//!   one sync. Each change sets the timer again.
//! - Only one sync runs at a time. If something asks while one runs, one
//!   more runs straight after it. Asking again and again during that run
//!   still gives only one more.
//! - After a sync that worked, the next runs in 30 seconds. After one that
//!   failed, the wait is 5 seconds, doubling with each failed wait up to 5
//!   minutes. A wait after a sync that worked brings it back to 5 seconds.
//! - A 429 `too_many_changes` (the person sent more than the server takes
//!   in a minute, `model::sync::limits`) waits exactly the server's
//!   `Retry-After`, whatever else happens meanwhile: a change, the page
//!   shown again or "Try to sync now" do not send sooner, only the timer
//!   does. The outbox is not touched (`exchange`): nothing is lost.
//! - A 401 means the session has ended: stop, and ignore everything until
//!   the engine starts again with a new `Schedule`.

use std::time::Duration;

/// How long after a change the sync runs.
pub const AFTER_CHANGE: Duration = Duration::from_millis(500);
/// How long after a sync that worked the next one runs.
pub const EVERY: Duration = Duration::from_secs(30);
/// The first wait after a failed sync.
pub const FIRST_BACKOFF: Duration = Duration::from_secs(5);
/// The longest wait after failed syncs. Someone with no signal for a day
/// still syncs within 5 minutes of getting it back, even if the browser
/// never says it is online again.
pub const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Something that happened, told to the schedule by the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Something asks for a sync now: the store loaded, the browser came
    /// online, the page was shown again, the person asked, or the timer
    /// fired. All of these are handled the same way, except after a 429.
    Wanted,
    /// The timer the schedule asked for fired. The same as `Wanted`, except
    /// that only this ends the wait after a 429.
    Due,
    /// The person changed something (it is on the phone now).
    Changed,
    /// The sync that was running worked: all sent, all pulled.
    Succeeded,
    /// The sync that was running failed: no signal, a server error, or an
    /// answer we could not use.
    Failed,
    /// The server said too many changes at once (429 `too_many_changes`):
    /// send nothing before this wait (its `Retry-After`) is over.
    SlowDown(Duration),
    /// The server said the session has ended (401).
    Unauthorised,
}

/// What the engine should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Start a sync now.
    Run,
    /// Set the one timer to ask for a sync after this long, replacing any
    /// earlier timer. Replacing it is what makes a change's wait start
    /// again with each change.
    Wait(Duration),
    /// Stop syncing: the session has ended.
    Stop,
    /// Nothing to do.
    Nothing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    /// `again`: something asked while this run was going on.
    /// `changed`: the person changed something while it ran, after it may
    /// already have pushed; that change must not wait out the 30 seconds.
    Running {
        again: bool,
        changed: bool,
    },
    /// After a 429: only the timer (`Due`) starts the next sync.
    Held,
    Stopped,
}

/// The scheduling state of one engine. A new sign-in gets a new one.
#[derive(Debug, Clone)]
pub struct Schedule {
    phase: Phase,
    /// The wait after the next failed sync.
    backoff: Duration,
}

impl Default for Schedule {
    fn default() -> Self {
        Self::new()
    }
}

impl Schedule {
    pub fn new() -> Self {
        Schedule { phase: Phase::Idle, backoff: FIRST_BACKOFF }
    }

    /// Takes in what happened, and says what to do.
    pub fn on(&mut self, event: Event) -> Decision {
        match (self.phase, event) {
            (Phase::Stopped, _) => Decision::Nothing,
            (_, Event::Unauthorised) => {
                // Stop even if a request is waiting: sending it would only
                // get another 401.
                self.phase = Phase::Stopped;
                Decision::Stop
            }
            (Phase::Held, Event::Due) | (Phase::Idle, Event::Wanted | Event::Due) => {
                self.phase = Phase::Running { again: false, changed: false };
                Decision::Run
            }
            // The server asked for quiet: the timer it set stays, and its
            // change goes with the others when it fires.
            (Phase::Held, _) => Decision::Nothing,
            (Phase::Running { changed, .. }, Event::Wanted | Event::Due) => {
                // Remember it instead of starting a second sync: two at once
                // would send the same outbox twice.
                self.phase = Phase::Running { again: true, changed };
                Decision::Nothing
            }
            (Phase::Running { again, .. }, Event::Changed) => {
                self.phase = Phase::Running { again, changed: true };
                Decision::Wait(AFTER_CHANGE)
            }
            (Phase::Idle, Event::Changed) => Decision::Wait(AFTER_CHANGE),
            (Phase::Running { .. }, Event::SlowDown(wait)) => {
                // Not a failure: the backoff stays as it is, and a request
                // made during the run waits too.
                self.phase = Phase::Held;
                Decision::Wait(wait)
            }
            (Phase::Running { again: true, .. }, Event::Succeeded | Event::Failed) => {
                // Run the sync that was asked for now. This is not a wait,
                // so the backoff stays as it is.
                self.phase = Phase::Running { again: false, changed: false };
                Decision::Run
            }
            (Phase::Running { again: false, changed }, Event::Succeeded) => {
                self.phase = Phase::Idle;
                self.backoff = FIRST_BACKOFF;
                // A change made during the run keeps its half-second wait;
                // the 30 seconds would replace its timer.
                Decision::Wait(if changed { AFTER_CHANGE } else { EVERY })
            }
            (Phase::Running { again: false, .. }, Event::Failed) => {
                self.phase = Phase::Idle;
                let wait = self.backoff;
                self.backoff = (self.backoff * 2).min(MAX_BACKOFF);
                Decision::Wait(wait)
            }
            // A result with no sync running: nothing to act on.
            (Phase::Idle, Event::Succeeded | Event::Failed | Event::SlowDown(_)) => Decision::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Decision {
        Decision::Wait(Duration::from_secs(s))
    }

    /// A schedule with a sync running.
    fn running() -> Schedule {
        let mut s = Schedule::new();
        assert_eq!(s.on(Event::Wanted), Decision::Run);
        s
    }

    /// Fails a sync and then lets the timer start the next one. Returns the
    /// wait in between.
    fn fail_and_retry(s: &mut Schedule) -> Decision {
        let wait = s.on(Event::Failed);
        assert_eq!(s.on(Event::Wanted), Decision::Run, "the timer starts the next sync");
        wait
    }

    #[test]
    fn the_wait_after_failures_doubles_from_5_seconds_and_stops_at_5_minutes() {
        let mut s = running();
        let waits: Vec<Decision> = (0..9).map(|_| fail_and_retry(&mut s)).collect();
        assert_eq!(
            waits,
            [secs(5), secs(10), secs(20), secs(40), secs(80), secs(160), secs(300), secs(300), secs(300)]
        );
    }

    #[test]
    fn a_sync_that_works_brings_the_wait_after_a_failure_back_to_5_seconds() {
        let mut s = running();
        for _ in 0..4 {
            fail_and_retry(&mut s);
        }
        assert_eq!(s.on(Event::Succeeded), secs(30));
        assert_eq!(s.on(Event::Wanted), Decision::Run);
        assert_eq!(s.on(Event::Failed), secs(5));
    }

    #[test]
    fn asking_during_a_sync_gives_exactly_one_more_sync_after_it() {
        let mut s = running();
        for _ in 0..3 {
            assert_eq!(s.on(Event::Wanted), Decision::Nothing, "never two syncs at once");
        }
        assert_eq!(s.on(Event::Succeeded), Decision::Run, "the request is not lost");
        assert_eq!(s.on(Event::Succeeded), secs(30), "and only one more ran");
    }

    #[test]
    fn asking_during_a_failing_sync_runs_again_at_once() {
        let mut s = running();
        s.on(Event::Wanted);
        assert_eq!(s.on(Event::Failed), Decision::Run);
        assert_eq!(s.on(Event::Failed), secs(5), "a run straight after is not a wait, so the backoff did not grow");
    }

    #[test]
    fn after_a_sync_that_works_the_next_runs_in_30_seconds() {
        let mut s = running();
        for _ in 0..3 {
            assert_eq!(s.on(Event::Succeeded), secs(30));
            assert_eq!(s.on(Event::Wanted), Decision::Run, "the timer starts the next sync");
        }
    }

    #[test]
    fn a_401_stops_syncing_until_a_new_start() {
        let mut s = running();
        s.on(Event::Wanted);
        assert_eq!(s.on(Event::Unauthorised), Decision::Stop, "stops even with a request waiting");
        for event in [Event::Wanted, Event::Changed, Event::Succeeded, Event::Failed, Event::Unauthorised] {
            assert_eq!(s.on(event), Decision::Nothing, "{event:?} after a 401");
        }
        // Signing in again starts the engine with a new schedule.
        let mut s = Schedule::new();
        assert_eq!(s.on(Event::Wanted), Decision::Run);
    }

    #[test]
    fn too_many_changes_waits_the_servers_retry_after_whatever_else_asks() {
        let mut s = running();
        s.on(Event::Wanted);
        let retry_after = Duration::from_secs(42);
        assert_eq!(
            s.on(Event::SlowDown(retry_after)),
            Decision::Wait(retry_after),
            "not even the request made during the run goes sooner"
        );
        for event in [Event::Wanted, Event::Changed, Event::Succeeded, Event::Failed, Event::Wanted] {
            assert_eq!(s.on(event), Decision::Nothing, "{event:?} while waiting out Retry-After");
        }
        assert_eq!(s.on(Event::Due), Decision::Run, "the timer sends them when the wait is over");
        assert_eq!(s.on(Event::Succeeded), secs(30));
    }

    #[test]
    fn too_many_changes_is_not_a_failure_and_a_401_still_stops() {
        let mut s = running();
        fail_and_retry(&mut s);
        assert_eq!(s.on(Event::SlowDown(Duration::from_secs(3))), secs(3), "a short Retry-After is kept as it is");
        assert_eq!(s.on(Event::Due), Decision::Run);
        assert_eq!(s.on(Event::Failed), secs(10), "the backoff went on from where it was");
        assert_eq!(s.on(Event::Due), Decision::Run);
        assert_eq!(s.on(Event::SlowDown(Duration::from_secs(60))), secs(60));
        assert_eq!(s.on(Event::Unauthorised), Decision::Stop);
        assert_eq!(s.on(Event::Due), Decision::Nothing);
    }

    #[test]
    fn a_change_syncs_half_a_second_later_and_each_change_waits_again() {
        let mut s = Schedule::new();
        assert_eq!(s.on(Event::Changed), Decision::Wait(Duration::from_millis(500)));
        assert_eq!(
            s.on(Event::Changed),
            Decision::Wait(Duration::from_millis(500)),
            "a second change resets the timer"
        );
        assert_eq!(s.on(Event::Wanted), Decision::Run, "and when it fires, a sync runs");
        // A change while backing off after a failure does not wait out the
        // backoff: it is sent half a second later.
        assert_eq!(s.on(Event::Failed), secs(5));
        assert_eq!(s.on(Event::Changed), Decision::Wait(Duration::from_millis(500)));
    }

    #[test]
    fn a_change_made_while_a_sync_runs_is_sent_half_a_second_after_it_not_30_seconds() {
        let mut s = running();
        assert_eq!(s.on(Event::Changed), Decision::Wait(Duration::from_millis(500)));
        // The sync ends before the change's timer fires: its wait must not
        // be replaced by the 30 seconds.
        assert_eq!(s.on(Event::Succeeded), Decision::Wait(Duration::from_millis(500)));
        assert_eq!(s.on(Event::Wanted), Decision::Run);
        assert_eq!(s.on(Event::Succeeded), secs(30), "and the run after it is back to the usual wait");
    }
}
