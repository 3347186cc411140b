//! Who is signed in: asked of the server at start, when back online, and
//! from "Try again". At start the person this phone last saw is shown at
//! once while the server is asked, so a slow signal never keeps a young
//! person from her own things; the server's answer then decides.

use leptos::prelude::*;
use pathway_model::ErrorCode;

use crate::api::{self, ApiError};
use crate::saved;
use crate::state::{AppState, Who};

use super::owed::{sign_out_owed, sign_out_paid};

/// Asks the server who is signed in. Until it answers (and when it can't be
/// reached) the app shows the person this phone last saw, and never the
/// login page: a young person with a slow or no signal must still see her
/// Home and her PA's number. The answer then wins: no session sends her to
/// sign in and wipes the phone's copies, someone else gets their own data.
pub async fn check_who(state: AppState) {
    // Ten wrong PINs wiped this phone while it had no signal: end that
    // session before anything else (see `owed`), and show nobody meanwhile.
    if sign_out_owed() {
        if matches!(api::logout().await, Ok(()) | Err(ApiError::Unauthenticated)) {
            sign_out_paid();
        }
        saved::forget_everything();
        state.who.set(Who::SignedOut);
        return;
    }
    // She left by Quick exit and has no PIN: nobody remembered here is
    // shown, and the server is not asked; only her passphrase lets her back
    // (`exited`).
    if super::exited::keeps_her_out() {
        return;
    }
    if state.who.get_untracked() == Who::Checking
        && let Some(me) = saved::me()
    {
        state.who.set(Who::SignedIn(me));
    }
    let asked_while = state.who.get_untracked();
    let answer = api::me().await;
    // The person signed out, signed in, or a session was seen to end while
    // the server took its time: that is newer than this answer, which must
    // not bring back someone who has just left.
    if state.who.get_untracked() != asked_while {
        return;
    }
    match answer {
        Ok(me) => {
            if saved::me().is_some_and(|last| last.person_id != me.person_id) {
                // Someone else is signed in now: what was kept for the last
                // person is not theirs to see.
                saved::forget_everything();
            }
            saved::set_me(&me);
            follow_language(&me);
            state.offline.set(false);
            let who = Who::SignedIn(me);
            // The same answer as the saved one shown already: setting it
            // again would only redraw and restart what depends on it.
            if state.who.get_untracked() != who {
                state.who.set(who);
            }
        }
        Err(ApiError::Unauthenticated) => {
            saved::forget_everything();
            state.who.set(Who::SignedOut);
        }
        // Closed: `wipe_when_closed` is wiping this phone and leaving.
        Err(e) if e.code() == Some(ErrorCode::AccountClosed) => {}
        Err(e) => {
            if e.is_unreachable() {
                state.offline.set(true);
            }
            // A server fault is treated like no signal: show what we have,
            // and don't replace a live answer with the saved one.
            if !matches!(state.who.get_untracked(), Who::SignedIn(_)) {
                state.who.set(saved::me().map(Who::SignedIn).unwrap_or(Who::NotKnown));
            }
        }
    }
}

/// The screens' language (issue 17): a phone that has no choice of its own
/// takes the account's (a new phone starts in her language: a reload); a
/// phone whose choice the account lacks tells the account (she chose on
/// the sign-in page, before it knew who she was).
fn follow_language(me: &pathway_model::auth::Me) {
    match (crate::i18n::saved(), me.language) {
        (None, Some(theirs)) if theirs != crate::i18n::language() => crate::i18n::set_language(theirs),
        (Some(mine), theirs) if theirs != Some(mine) => {
            leptos::task::spawn_local(async move {
                if let Err(e) = api::account::set_language(mine).await {
                    leptos::logging::warn!("language not kept with the account: {e}");
                }
            });
        }
        _ => {}
    }
}
