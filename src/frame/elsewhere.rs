//! Addresses this build has no page for, but the server does: the sign-in
//! page (`public/login.html`, no wasm, issue 12) and, in the young person's
//! build, the staff screens (the staff build under /staff/,
//! docs/decisions/0008-staff-build.md). Reaching one of them from inside
//! the app (a PA who opened `/`, then signed in) needs a full page load.

use leptos::prelude::*;

use crate::i18n::{k, t};

/// How long after one switch we refuse to try again: the server (or the
/// service worker) gave this build for a staff address, so another load
/// would only loop.
const LOOP_GUARD_MS: i64 = 10_000;
const LAST_SWITCH_KEY: &str = "pathway.page_switch_at";

#[component]
pub fn ServedElsewhere() -> impl IntoView {
    let stuck = !load_afresh();
    view! {
        {if stuck {
            view! {
                <h1>{t(k::FRAME_ELSEWHERE_TITLE)}</h1>
                <p>{t(k::FRAME_ELSEWHERE_NEEDS_INTERNET)}</p>
                <p>{t(k::FRAME_ELSEWHERE_CHECK_CONNECTION)}</p>
            }
            .into_any()
        } else {
            view! { <p class="loading" role="status">{t(k::FRAME_ELSEWHERE_OPENING)}</p> }.into_any()
        }}
    }
}

/// The young person's build's fallback: a staff address (it has no route
/// for any) loads afresh, so the server gives the staff build; any other
/// address is not found.
#[cfg(not(feature = "staff"))]
#[component]
pub fn StaffOrNotFound() -> impl IntoView {
    let path = crate::router::use_location().pathname.get_untracked();
    if pathway_model::role::is_staff_page(&path) {
        view! { <ServedElsewhere/> }.into_any()
    } else {
        view! { <super::NotFoundPage/> }.into_any()
    }
}

/// Loads the current address afresh, unless we did that moments ago.
/// Returns whether it did.
fn load_afresh() -> bool {
    let Some(window) = web_sys::window() else { return false };
    // Whole milliseconds: writing and reading an f64 as text would pull
    // the float formatting and parsing code (about 15 KB) into the wasm.
    let now = js_sys::Date::now() as i64;
    let storage = window.session_storage().ok().flatten();
    let last =
        storage.as_ref().and_then(|s| s.get_item(LAST_SWITCH_KEY).ok().flatten()).and_then(|v| v.parse::<i64>().ok());
    if last.is_some_and(|at| now - at < LOOP_GUARD_MS) {
        return false;
    }
    if let Some(s) = storage {
        let _ = s.set_item(LAST_SWITCH_KEY, &now.to_string());
    }
    let location = window.location();
    let here = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    location.replace(&here).is_ok()
}
