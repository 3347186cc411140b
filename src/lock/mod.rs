//! The app lock (docs/architecture.md §5), for young people who choose it on Me: once a
//! PIN is set, the app asks for it on start, after 5 minutes with no
//! input, when the page comes back after more than 30 seconds hidden, and
//! after Quick exit. Staff never see it (their sessions end after 15
//! minutes idle instead).
//!
//! The server holds the lock too (decision 0013): when the app locks, it
//! locks this device's session, and until the PIN is given again every API
//! route answers 423 with nothing of hers, in any tab. The PIN opens the
//! vault's data key on the phone, so with no signal it is checked there.
//!
//! `rules` holds the logic as plain code; `browser` the tries and the
//! locked flag; `screen` and `settings` the two pieces people see.

mod browser;
pub mod card;
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

/// Whether a PIN is set, whether the app is locked now, and whether the
/// vault's data key is open (stored data can be read).
#[derive(Clone, Copy)]
pub struct Lock {
    pub has_pin: RwSignal<bool>,
    pub locked: RwSignal<bool>,
    /// The server said this session is locked (423), PIN on the phone or not.
    pub server_locked: RwSignal<bool>,
    pub key_open: RwSignal<bool>,
}

impl Lock {
    /// The lock screen is up.
    pub fn showing(&self) -> bool {
        self.locked.get() && (self.has_pin.get() || self.server_locked.get())
    }

    /// Locks now, if a PIN is set: here, in other tabs, and on the server.
    pub fn lock_now(&self) {
        if self.has_pin.get_untracked() && !self.locked.get_untracked() {
            browser::mark_locked();
            self.locked.set(true);
            lock_server();
        }
    }

    pub fn unlock(&self) {
        browser::clear_locked();
        self.server_locked.set(false);
        self.locked.set(false);
    }

    /// Reads the phone's storage again (after a sign-out, or another tab).
    fn refresh(&self) {
        let has = browser::has_pin();
        self.has_pin.set(has);
        if !has && !self.server_locked.get_untracked() {
            self.locked.set(false);
        }
    }
}

pub fn use_lock() -> Lock {
    expect_context::<Lock>()
}

thread_local! {
    /// For the API's "locked" answer, which comes outside any component.
    static LOCK: Cell<Option<Lock>> = const { Cell::new(None) };
    /// A PIN checked on the phone with no signal, kept in memory only, to
    /// unlock the server's session once there is one.
    static PENDING: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    static UNLOCKING: Cell<bool> = const { Cell::new(false) };
}

/// Opens the vault at start when no PIN guards it, and reads the saved
/// copies. With a PIN, the lock screen does this once the PIN is right.
pub async fn open_at_start(lock: Lock) {
    match crate::vault::open_at_start().await {
        Ok(crate::vault::Opened::Open) => {
            crate::saved::open().await;
            lock.key_open.set(true);
        }
        Ok(crate::vault::Opened::NeedsPin) => {}
        Err(e) => leptos::logging::warn!("{e}"),
    }
}

/// After a right PIN: the saved copies are read (if the vault was shut),
/// and the server is asked again who is signed in.
pub(crate) async fn key_opened(lock: Lock, state: AppState) {
    if lock.key_open.get_untracked() {
        return;
    }
    if !crate::vault::is_open() {
        // No PIN record on the phone (removed by hand) but the server knew
        // the PIN: a new key; what was sealed before starts again from the
        // server, and the lock is off on both sides, as the phone says.
        open_at_start(lock).await;
        let _ = crate::api::device_lock::remove_pin().await;
    } else {
        crate::saved::open().await;
        lock.key_open.set(true);
    }
    leptos::task::spawn_local(crate::auth::check_who(state));
}

pub(crate) fn unlock_server_later(pin: String) {
    PENDING.with(|p| *p.borrow_mut() = Some(pin));
}

/// The server said "locked": with a PIN checked offline in memory, unlock
/// it with that; otherwise put the lock screen up.
fn server_says_locked() {
    let Some(lock) = LOCK.with(Cell::get) else { return };
    if PENDING.with(|p| p.borrow().is_some()) {
        unlock_pending(lock);
    } else if !UNLOCKING.with(Cell::get) {
        lock.server_locked.set(true);
        lock.locked.set(true);
    }
}

/// Sends the PIN kept from an offline unlock. Answers of "locked" to
/// requests already in flight meanwhile are not a reason to lock again.
fn unlock_pending(lock: Lock) {
    let Some(pin) = PENDING.with(|p| p.borrow_mut().take()) else { return };
    UNLOCKING.with(|u| u.set(true));
    leptos::task::spawn_local(async move {
        let answer = crate::api::device_lock::unlock(&pin).await;
        UNLOCKING.with(|u| u.set(false));
        match answer {
            Ok(()) => crate::store::engine::request_sync(),
            // Still no signal: keep it for the next time.
            Err(e) if e.is_unreachable() => PENDING.with(|p| *p.borrow_mut() = Some(pin)),
            Err(_) => {
                lock.server_locked.set(true);
                lock.locked.set(true);
            }
        }
    });
}

/// Locks before Quick exit leaves, so coming back asks for the PIN (and
/// other open tabs lock too). The server is told without waiting; with no
/// PIN it ends the session, so only her passphrase opens Pathway again.
pub fn lock_for_exit() {
    if browser::has_pin() {
        browser::mark_locked();
    }
    if browser::server_has_pin() || !browser::has_pin() {
        crate::api::device_lock::lock();
    }
}

/// Locks the server's session too, when it holds the PIN (see
/// `browser::SERVER_HAS_PIN`).
fn lock_server() {
    if browser::server_has_pin() {
        crate::api::device_lock::lock();
    }
}

/// Sets up the lock for the whole app: locked from the start if a PIN is
/// set, and watching for no input, the page being hidden, and other tabs.
pub fn install(state: AppState) -> Lock {
    let has = browser::has_pin();
    let lock = Lock {
        has_pin: RwSignal::new(has),
        locked: RwSignal::new(has || browser::is_marked_locked()),
        server_locked: RwSignal::new(false),
        key_open: RwSignal::new(false),
    };
    provide_context(lock);
    LOCK.with(|l| l.set(Some(lock)));
    // Locked from the start: so is the session, whatever the last page did.
    if has {
        lock_server();
    }
    crate::api::when_locked(server_says_locked);

    // Signed out or wiped: read again what is set (a wipe forgets the PIN
    // with the vault's key; a session that simply ended keeps both, so her
    // unsent changes stay sealed until she is back). Staff never have one.
    Effect::new(move |_| match state.who.get() {
        Who::SignedOut => lock.refresh(),
        Who::SignedIn(me) if me.role != Role::YoungPerson => {
            browser::forget();
            lock.refresh();
        }
        _ => {}
    });
    // Back online: a lock made offline, or an unlock made offline, goes to
    // the server first.
    let _ = window_event_listener(leptos::ev::online, move |_| {
        if lock.locked.get_untracked() && lock.has_pin.get_untracked() {
            lock_server();
        } else {
            unlock_pending(lock);
        }
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
