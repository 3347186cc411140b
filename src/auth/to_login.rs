//! The sign-in page is not part of the wasm app: it is `public/login.html`
//! with a little script, painted at once on a slow phone while the app
//! downloads in the background (issue 12). So going there is a page load.

use std::cell::Cell;

/// Why someone is sent back to sign in, shown on the sign-in page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WhyLogin {
    /// Nobody is signed in (or a young person's session ended). Also after
    /// Quick exit: the page must say nothing about why.
    SignedOut,
    /// The app lock took 10 wrong PINs and wiped this phone.
    WrongPin,
    /// The account is closed (by her, or found closed): the phone is wiped.
    Closed,
    /// A staff session ended (expired, ended elsewhere, account disabled):
    /// the laptop is wiped.
    Ended,
    /// Staff: nothing happened for 15 minutes; the laptop is wiped.
    Idle,
}

/// The sign-in page's address for `why`.
pub fn login_href(why: WhyLogin) -> &'static str {
    match why {
        WhyLogin::SignedOut => "/login",
        WhyLogin::WrongPin => "/login?why=pin",
        WhyLogin::Closed => "/login?why=closed",
        WhyLogin::Ended => "/login?why=ended",
        WhyLogin::Idle => "/login?why=idle",
    }
}

thread_local! {
    /// Set by the first call: the page is already leaving, and a later call
    /// (the shell noticing "signed out" after the lock asked for
    /// `?why=pin`) must not replace that address.
    static LEAVING: Cell<bool> = const { Cell::new(false) };
    /// A wipe is under way (`wipe`): leaving now could cut its IndexedDB
    /// delete short and leave data behind, so the wipe leaves when done.
    static HELD: Cell<bool> = const { Cell::new(false) };
}

/// Leaves the app for the sign-in page, replacing this page in the history
/// so Back does not return to a signed-out screen.
pub fn go_to_login(why: WhyLogin) {
    if HELD.with(Cell::get) || LEAVING.with(|l| l.replace(true)) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(login_href(why));
    }
}

/// Holds the page here until `leave_after_wipe`. False if a wipe already
/// holds it (that one will leave).
pub(super) fn hold_for_wipe() -> bool {
    !HELD.with(|h| h.replace(true))
}

pub(super) fn leave_after_wipe(why: WhyLogin) {
    HELD.with(|h| h.set(false));
    go_to_login(why);
}
