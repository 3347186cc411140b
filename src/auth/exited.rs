//! After Quick exit, nothing of hers shows again on any way back (Back,
//! reopening the app, another tab) until she proves it is her (issue 15,
//! item 9). With a PIN, the lock does that: Quick exit marks it locked.
//! With no PIN, this marker does: set on exit, it keeps the app to the
//! sign-in page, even offline, until she signs in with her passphrase
//! (public/login.js removes it then). Her unsent changes stay on the
//! phone: nothing here wipes the store, and signing in again as the same
//! person keeps it (`store::engine::start`).

use leptos::prelude::*;

use super::{WhyLogin, go_to_login};

/// The same key as in public/login.js (EXITED). Not personal: only "1".
const EXITED: &str = "pathway.exited";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn has_pin() -> bool {
    crate::vault::has_pin()
}

fn is_set() -> bool {
    storage().and_then(|s| s.get_item(EXITED).ok().flatten()).is_some()
}

/// Empties the page at once: hidden (painted on the next frame), then
/// emptied, so nothing of hers lingers while the next page loads.
pub fn blank_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(body) = doc.body() {
        body.set_hidden(true);
        body.set_inner_html("");
    }
    doc.set_title("");
}

/// Quick exit is leaving: with no PIN, only her passphrase lets her back.
pub fn mark() {
    if !has_pin()
        && let Some(s) = storage()
    {
        let _ = s.set_item(EXITED, "1");
    }
}

/// True when the app must show nothing but the sign-in page (and has
/// gone there): she left by Quick exit and has no PIN. Asked at start,
/// before anyone remembered on this phone is shown.
pub fn keeps_her_out() -> bool {
    if !is_set() || has_pin() {
        return false;
    }
    blank_page();
    go_to_login(WhyLogin::SignedOut);
    true
}

/// Set up at start: watches the two ways an old page of hers could come
/// back into view.
pub fn install() {
    // Back (or Forward) may bring this very page back from the browser's
    // memory, as it was when she left. Load it afresh instead: the lock or
    // the sign-in page then decides what shows.
    let _ = window_event_listener(leptos::ev::pageshow, |ev| {
        let left_from_here =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()).is_some_and(|b| b.hidden());
        if ev.persisted() && (left_from_here || is_set() || has_pin()) {
            blank_page();
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });

    // Quick exit in another tab: this one goes too.
    let _ = window_event_listener(leptos::ev::storage, |ev| {
        if ev.key().as_deref() == Some(EXITED) && ev.new_value().is_some() {
            keeps_her_out();
        }
    });
}
