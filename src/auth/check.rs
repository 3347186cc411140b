//! Who is signed in: asked of the server at start, when back online, and
//! from "Try again"; with no signal, the person this phone last saw.

use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::saved;
use crate::state::{AppState, Who};

use super::owed::{sign_out_owed, sign_out_paid};

/// Asks the server who is signed in. Offline, falls back to the person this
/// phone last saw, and never to the login page: a young person with no
/// signal must still see their PA's number.
pub async fn check_who(state: AppState) {
    // Ten wrong PINs wiped this phone while it had no signal: end that
    // session before anything else (see `owed`).
    if sign_out_owed() {
        if matches!(api::logout().await, Ok(()) | Err(ApiError::Unauthenticated)) {
            sign_out_paid();
        }
        saved::forget_everything();
        state.who.set(Who::SignedOut);
        return;
    }
    match api::me().await {
        Ok(me) => {
            saved::set_me(&me);
            state.offline.set(false);
            state.who.set(Who::SignedIn(me));
        }
        Err(ApiError::Unauthenticated) => {
            saved::forget_everything();
            state.who.set(Who::SignedOut);
        }
        Err(e) => {
            if e.is_unreachable() {
                state.offline.set(true);
            }
            // A server fault is treated like no signal: show what we have.
            let fallback = saved::me().map(Who::SignedIn).unwrap_or(Who::NotKnown);
            // Don't replace a live answer with the saved one.
            if !matches!(state.who.get_untracked(), Who::SignedIn(_)) {
                state.who.set(fallback);
            }
        }
    }
}
