//! A PA's or manager's laptop left open: after 15 minutes with no key
//! press, click or touch, the session ends and what the laptop kept goes
//! (issue 15, item 3). The server ends an idle session too, but it counts
//! from the last request, and the app's own syncs keep making those; so
//! the app counts input, with the same figure (`STAFF_IDLE_MS`).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::STAFF_IDLE_MS;

use crate::api;
use crate::state::{AppState, Who};

use super::WhyLogin;
use super::to_login::hold_for_wipe;
use super::wipe::{is_staff, leave, wipe_storage};

/// How often the timer looks: the laptop is wiped at most this long after
/// the 15 minutes (and at once when it wakes, see `install`).
const LOOK_EVERY: Duration = Duration::from_secs(20);

/// Nothing has happened for long enough.
pub fn idle_too_long(last_input_ms: f64, now_ms: f64) -> bool {
    now_ms - last_input_ms >= STAFF_IDLE_MS as f64
}

/// Starts counting. Does nothing for young people (the app lock is theirs).
pub fn install(state: AppState) {
    let last_input = Rc::new(Cell::new(js_sys::Date::now()));
    for event in ["pointerdown", "keydown", "touchstart", "wheel", "input"] {
        let last_input = last_input.clone();
        let _ = window_event_listener_untyped(event, move |_| last_input.set(js_sys::Date::now()));
    }
    let look = move || {
        let signed_in = matches!(state.who.get_untracked(), Who::SignedIn(_));
        if signed_in && is_staff(state) && idle_too_long(last_input.get(), js_sys::Date::now()) {
            sign_out_idle(state);
        }
    };
    let look_again = look.clone();
    set_interval(look, LOOK_EVERY);
    // A laptop that slept does not run timers: look as soon as it wakes.
    let _ = window_event_listener_untyped("visibilitychange", move |_| look_again());
}

/// Empties the screen and wipes the laptop at once, then ends the session
/// on the server too (its answer also clears the site's storage), then
/// shows the sign-in page saying why.
fn sign_out_idle(state: AppState) {
    if !hold_for_wipe() {
        return;
    }
    super::exited::blank_page();
    spawn_local(async move {
        wipe_storage().await;
        let _ = api::logout().await;
        leave(state, WhyLogin::Idle);
    });
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fifteen_minutes_with_nothing_done_is_too_long() {
        let start = 1_000_000.0;
        assert!(!idle_too_long(start, start + 14.0 * 60_000.0));
        assert!(!idle_too_long(start, start + 15.0 * 60_000.0 - 1.0));
        assert!(idle_too_long(start, start + 15.0 * 60_000.0));
    }
}
