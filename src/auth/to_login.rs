//! The sign-in page is not part of the wasm app: it is `public/login.html`
//! with a little script, painted at once on a slow phone while the app
//! downloads in the background (issue 12). So going there is a page load.

/// Why someone is sent back to sign in, shown on the sign-in page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WhyLogin {
    /// Nobody is signed in (or the session ended).
    SignedOut,
    /// The app lock took 10 wrong PINs and wiped this phone.
    WrongPin,
    /// The account is closed (by her, or found closed): the phone is wiped.
    Closed,
}

/// The sign-in page's address for `why`.
pub fn login_href(why: WhyLogin) -> &'static str {
    match why {
        WhyLogin::SignedOut => "/login",
        WhyLogin::WrongPin => "/login?why=pin",
        WhyLogin::Closed => "/login?why=closed",
    }
}

thread_local! {
    /// Set by the first call: the page is already leaving, and a later call
    /// (the shell noticing "signed out" after the lock asked for
    /// `?why=pin`) must not replace that address.
    static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Leaves the app for the sign-in page, replacing this page in the history
/// so Back does not return to a signed-out screen.
pub fn go_to_login(why: WhyLogin) {
    if LEAVING.with(|l| l.replace(true)) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(login_href(why));
    }
}
