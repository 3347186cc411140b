//! In the young person's build, the staff screens (caseload, council) are not
//! compiled in: they live in the staff build under /staff/ and the server
//! hands out its page for their addresses (docs/decisions/0008-staff-build.md).
//! Reaching one of those addresses from inside this build (a PA who opened
//! `/`, then signed in) needs a full page load to switch builds.

use leptos::prelude::*;

/// How long after one switch we refuse to try again: the server (or the
/// service worker) gave this build for a staff address, so another load
/// would only loop.
const LOOP_GUARD_MS: f64 = 10_000.0;
const LAST_SWITCH_KEY: &str = "pathway.staff_switch_at";

#[component]
pub fn StaffElsewhere() -> impl IntoView {
    let stuck = !switch_to_staff_build();
    view! {
        {if stuck {
            view! {
                <h1>"We can't open this page"</h1>
                <p>"Staff pages need the internet the first time they open on a device."</p>
                <p>"Check you're connected, then reload the page."</p>
            }
            .into_any()
        } else {
            view! { <p class="loading" role="status">"Opening…"</p> }.into_any()
        }}
    }
}

/// Loads the current address afresh, unless we did that moments ago.
/// Returns whether it did.
fn switch_to_staff_build() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let now = js_sys::Date::now();
    let storage = window.session_storage().ok().flatten();
    let last = storage
        .as_ref()
        .and_then(|s| s.get_item(LAST_SWITCH_KEY).ok().flatten())
        .and_then(|v| v.parse::<f64>().ok());
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
