//! Wiping this device: what signing out on purpose does, and closing the
//! account, and any answer from the server saying the account is closed
//! (issue 13), so a closed account leaves nothing behind on her phone.
//! For staff, any end of the session wipes the laptop at once (issue 15):
//! an answer saying "not signed in", or 15 minutes with nothing done
//! (`staff_idle`). A young person's unsent changes are kept on a 401.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::Role;

use crate::api;
use crate::saved;
use crate::state::{AppState, Who};
use crate::store::engine;

use super::WhyLogin;
use super::to_login::{hold_for_wipe, leave_after_wipe};

/// Wipes the local store and the small cache, and goes to the sign-in page
/// saying `why`. Signed out, the app lock forgets its PIN too
/// (`lock::install`). Nothing else sends the page away meanwhile.
pub async fn wipe_this_phone(state: AppState, why: WhyLogin) {
    hold_for_wipe();
    wipe_storage().await;
    leave(state, why);
}

/// The small cache at once (no waiting), then the store.
pub(super) async fn wipe_storage() {
    saved::forget_everything();
    if let Err(e) = engine::wipe().await {
        leptos::logging::warn!("{e}");
    }
    crate::vault::forget().await;
}

pub(super) fn leave(state: AppState, why: WhyLogin) {
    leave_after_wipe(why);
    state.who.set(Who::SignedOut);
}

/// Starts a wipe unless one is under way already (several answers can say
/// the same thing at once).
pub(super) fn wipe_once(state: AppState, why: WhyLogin) {
    if hold_for_wipe() {
        spawn_local(wipe_this_phone(state, why));
    }
}

/// Whether the person on this device is staff, as far as it knows: signed
/// in now, or last seen here, or (nobody known) this is the staff build.
pub(super) fn is_staff(state: AppState) -> bool {
    match state.who.get_untracked() {
        Who::SignedIn(me) => me.role != Role::YoungPerson,
        _ => saved::me().map_or(cfg!(feature = "staff"), |me| me.role != Role::YoungPerson),
    }
}

thread_local! {
    static APP: Cell<Option<AppState>> = const { Cell::new(None) };
}

/// From now on, the first answer that says this account is closed wipes
/// the device and says so on the sign-in page; for staff, so does the first
/// answer that says the session has ended. Called at start.
pub fn wipe_when_closed(state: AppState) {
    APP.with(|a| a.set(Some(state)));
    api::when_account_closed(|| {
        if let Some(state) = APP.with(Cell::get) {
            wipe_once(state, WhyLogin::Closed);
        }
    });
    api::when_session_ended(|| {
        if let Some(state) = APP.with(Cell::get)
            && is_staff(state)
        {
            // The screen goes at once too: the caseload is personal.
            super::exited::blank_page();
            wipe_once(state, WhyLogin::Ended);
        }
    });
}
