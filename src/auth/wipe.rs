//! Wiping this phone: what signing out on purpose does, and closing the
//! account, and any answer from the server saying the account is closed
//! (issue 13), so a closed account leaves nothing behind on her phone.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::saved;
use crate::state::{AppState, Who};
use crate::store::engine;

use super::{WhyLogin, go_to_login};

/// Wipes the local store and the small cache, and goes to the sign-in page
/// saying `why`. Signed out, the app lock forgets its PIN too
/// (`lock::install`).
pub async fn wipe_this_phone(state: AppState, why: WhyLogin) {
    if let Err(e) = engine::wipe().await {
        leptos::logging::warn!("{e}");
    }
    saved::forget_everything();
    crate::vault::forget().await;
    go_to_login(why);
    state.who.set(Who::SignedOut);
}

thread_local! {
    static APP: Cell<Option<AppState>> = const { Cell::new(None) };
}

/// From now on, the first answer that says this account is closed wipes
/// the phone (once) and says so on the sign-in page. Called at start.
pub fn wipe_when_closed(state: AppState) {
    APP.with(|a| a.set(Some(state)));
    api::when_account_closed(|| {
        if let Some(state) = APP.with(Cell::take) {
            spawn_local(wipe_this_phone(state, WhyLogin::Closed));
        }
    });
}
