//! The app lock (docs/architecture.md §5), for young people who choose it on Me: once a
//! PIN is set, the app asks for it on start, after 5 minutes with no
//! input, when the page comes back after more than 30 seconds hidden, and
//! after Quick exit. Staff never see it (their sessions end after 15
//! minutes idle instead).
//!
//! `rules` holds the logic as plain code; `browser` the storage and the
//! PIN's hash; `screen` and `settings` the two pieces people see.

mod browser;
pub mod quick_exit;
pub mod rules;
mod screen;
mod settings;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use pathway_model::auth::Role;

use crate::state::{AppState, Who};

pub use quick_exit::TopBar;
pub use screen::LockScreen;
pub use settings::PinSettings;

/// Whether a PIN is set and whether the app is locked now.
#[derive(Clone, Copy)]
pub struct Lock {
    pub has_pin: RwSignal<bool>,
    pub locked: RwSignal<bool>,
}

impl Lock {
    /// The lock screen is up.
    pub fn showing(&self) -> bool {
        self.has_pin.get() && self.locked.get()
    }

    /// Locks now, if a PIN is set.
    pub fn lock_now(&self) {
        if self.has_pin.get_untracked() && !self.locked.get_untracked() {
            browser::mark_locked();
            self.locked.set(true);
        }
    }

    pub fn unlock(&self) {
        browser::clear_locked();
        self.locked.set(false);
    }

    /// Reads the phone's storage again (after a sign-out, or another tab).
    fn refresh(&self) {
        let has = browser::has_pin();
        self.has_pin.set(has);
        if !has {
            self.locked.set(false);
        }
    }
}

pub fn use_lock() -> Lock {
    expect_context::<Lock>()
}

/// Marks the app locked before Quick exit leaves, so coming back asks for
/// the PIN (and other open tabs lock too). Does nothing with no PIN.
pub fn lock_for_exit() {
    if browser::has_pin() {
        browser::mark_locked();
    }
}

/// Sets up the lock for the whole app: locked from the start if a PIN is
/// set, and watching for no input, the page being hidden, and other tabs.
pub fn install(state: AppState) -> Lock {
    let has = browser::has_pin();
    let lock = Lock { has_pin: RwSignal::new(has), locked: RwSignal::new(has || browser::is_marked_locked()) };
    provide_context(lock);

    // Signed out (on purpose or because the session ended): the PIN goes
    // with everything else on the phone. Staff never have one.
    Effect::new(move |_| match state.who.get() {
        Who::SignedOut => {
            browser::forget();
            lock.refresh();
        }
        Who::SignedIn(me) if me.role != Role::YoungPerson => {
            browser::forget();
            lock.refresh();
        }
        _ => {}
    });

    let last_input = Rc::new(Cell::new(js_sys::Date::now()));
    for event in ["pointerdown", "keydown", "touchstart", "wheel", "input"] {
        let last_input = last_input.clone();
        let _ = window_event_listener_untyped(event, move |_| last_input.set(js_sys::Date::now()));
    }
    {
        let last_input = last_input.clone();
        set_interval(
            move || {
                let now = js_sys::Date::now();
                if lock.locked.get_untracked() {
                    last_input.set(now);
                } else if rules::idle_too_long(last_input.get(), now) {
                    lock.lock_now();
                }
            },
            Duration::from_secs(10),
        );
    }

    let hidden_at = Rc::new(Cell::new(None::<f64>));
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        let now = js_sys::Date::now();
        if !visible {
            hidden_at.set(Some(now));
        } else {
            if rules::away_too_long(hidden_at.get(), now) {
                lock.lock_now();
            }
            hidden_at.set(None);
            last_input.set(now);
        }
    });

    // Another tab locked (Quick exit there), or set or removed the PIN.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if browser::is_pin_event(ev.key()) {
            lock.refresh();
        } else if browser::is_lock_event(ev.key(), ev.new_value()) {
            lock.lock_now();
        }
    });

    lock
}
