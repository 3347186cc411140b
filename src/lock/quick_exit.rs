//! Quick exit, after the GOV.UK "Exit this page" pattern: someone who is
//! being watched can leave Pathway in one tap, or by pressing Shift three
//! times. The page goes blank at once, then the tab is replaced by a
//! neutral site, so Back does not return to the page she was on; what Back
//! does return to shows the lock or the sign-in page (`auth::exited`).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::i18n::{k, t};

/// Somewhere nobody would wonder about.
pub const EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// Presses of Shift must come within this long of the first one.
const WINDOW_MS: f64 = 5_000.0;

#[component]
pub fn QuickExit() -> impl IntoView {
    // A real link, so it still works if the app is slow or broken; the click
    // handler adds the blanking and the history replace.
    let exit = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        exit_now();
    };
    view! {
        <a class="quick-exit" href=EXIT_URL rel="nofollow noreferrer" on:click=exit>
            {t(k::LOCK_QUICK_EXIT)}
        </a>
    }
}

/// Blanks the page now, then locks and leaves for the neutral site, in
/// that order: the screen must be empty within 50 ms of the tap, whatever
/// locking costs. With a PIN, the app is locked, so coming back asks for
/// it; with none, coming back asks for her passphrase (`auth::exited`).
pub fn exit_now() {
    crate::auth::exited::blank_page();
    crate::auth::exited::mark();
    super::lock_for_exit();
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(EXIT_URL);
    }
}

/// Counts Shift presses. Any other key, a held-down key repeating, or a gap
/// longer than the window starts the count again.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ShiftCounter {
    presses: u8,
    first_at: f64,
}

impl ShiftCounter {
    /// Returns true when this press is the third in time.
    pub fn press(&mut self, is_shift: bool, repeat: bool, now_ms: f64) -> bool {
        if repeat {
            return false;
        }
        if !is_shift {
            *self = Self::default();
            return false;
        }
        if self.presses == 0 || now_ms - self.first_at > WINDOW_MS {
            self.presses = 0;
            self.first_at = now_ms;
        }
        self.presses += 1;
        if self.presses >= 3 {
            *self = Self::default();
            return true;
        }
        false
    }
}

/// Listens on the whole window for the Shift shortcut, on every page.
pub fn listen_for_shift_presses() {
    let counter = Rc::new(RefCell::new(ShiftCounter::default()));
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let now = js_sys::Date::now();
        if counter.borrow_mut().press(ev.key() == "Shift", ev.repeat(), now) {
            exit_now();
        }
    });
    // Lives as long as the page.
    std::mem::forget(handle);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn three_shifts_in_quick_succession_exit() {
        let mut c = ShiftCounter::default();
        assert!(!c.press(true, false, 0.0));
        assert!(!c.press(true, false, 300.0));
        assert!(c.press(true, false, 600.0));
    }

    #[test]
    fn typing_in_between_starts_again() {
        let mut c = ShiftCounter::default();
        c.press(true, false, 0.0);
        c.press(true, false, 100.0);
        assert!(!c.press(false, false, 200.0));
        assert!(!c.press(true, false, 300.0));
    }

    #[test]
    fn holding_shift_down_is_one_press() {
        let mut c = ShiftCounter::default();
        c.press(true, false, 0.0);
        assert!(!c.press(true, true, 50.0));
        assert!(!c.press(true, true, 100.0));
        assert!(!c.press(true, false, 200.0));
        assert!(c.press(true, false, 300.0));
    }

    #[test]
    fn slow_presses_do_not_add_up() {
        let mut c = ShiftCounter::default();
        c.press(true, false, 0.0);
        c.press(true, false, 1_000.0);
        assert!(!c.press(true, false, 6_000.0));
        assert!(!c.press(true, false, 6_500.0));
        assert!(c.press(true, false, 7_000.0));
    }
}

/// The bar at the top of every screen, the lock screen too: the name and
/// the quick exit, which must be in the same place whatever is showing.
#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <div class="site-header__bar">
            <span class="site-header__name">"Pathway"</span>
            <QuickExit/>
        </div>
    }
}
