//! App-wide state: who is signed in, whether we are offline, whether an
//! update waits. Provided once by the shell (`app`); the features and the
//! app-wide parts read it with `use_app`, and never import the shell.

use leptos::prelude::*;
use pathway_model::auth::Me;

use crate::api::ApiError;
use crate::saved;

/// Who is using the app right now, as far as we know.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    /// Waiting for the first answer from `GET /me`, with nobody remembered
    /// on this phone (with someone remembered, they are shown meanwhile).
    Checking,
    /// The server says there is no session.
    SignedOut,
    /// Signed in (or, until the server answers and while it can't be
    /// reached, the person this phone last saw signed in).
    SignedIn(Me),
    /// Offline on first start, with nobody remembered on this phone.
    NotKnown,
}

/// Shared state, provided once at the top. Each field is a signal so a page
/// re-renders only for what it reads. The server has an `AppState` too (its
/// axum handles); the two never meet, and each is its side's usual name.
#[derive(Clone, Copy)]
pub struct AppState {
    pub who: RwSignal<Who>,
    /// The browser has no connection, or the server could not be reached.
    pub offline: RwSignal<bool>,
    /// A new build of the app is installed and waiting for the person's "Reload".
    pub update_ready: RwSignal<bool>,
}

impl AppState {
    pub fn me(&self) -> Option<Me> {
        match self.who.get() {
            Who::SignedIn(me) => Some(me),
            _ => None,
        }
    }

    /// Called by pages when a request could not reach the server, so the
    /// banner tells the truth even if the browser still thinks it's online.
    pub fn note_error(&self, e: &ApiError) {
        if e.is_unreachable() {
            self.offline.set(true);
        } else if *e == ApiError::Unauthenticated {
            // The session ended (expired, or ended on another device).
            saved::forget_everything();
            self.who.set(Who::SignedOut);
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
