//! Pathway, the app: a phone-first PWA for care leavers and their personal
//! advisors. Leptos, rendered in the browser; talks to `pathway-server`
//! through `api` only.
//!
//! Modules come in layers (shell, features, app-wide, helpers), described in
//! docs/architecture.md §2 and checked by scripts/check-layers.py.

pub mod access;
pub mod api;
pub mod app;
pub mod auth;
#[cfg(feature = "staff")]
pub mod caseload;
pub mod clock;
#[cfg(feature = "staff")]
pub mod council;
pub mod frame;
pub mod health;
pub mod home;
pub mod i18n;
pub mod idb;
pub mod links;
pub mod lock;
pub mod me;
pub mod meeting;
pub mod offer;
pub mod people;
pub mod plan;
pub mod pwa;
pub mod router;
pub mod saved;
pub mod state;
pub mod store;
pub mod topic;
pub mod ui;
pub mod vault;
pub mod words;

/// Starts the app: mounts it on `<body>` and removes the static shell that
/// `index.html` painted while the wasm loaded.
///
/// The mounting waits for the browser's next task: the wasm is made ready
/// (from the browser's cache of compiled code, on a repeat visit) in this
/// one, and the two together made one of the longest tasks of a repeat
/// visit on a slow phone (issue 12). The static shell stays painted
/// meanwhile.
///
/// In a language other than English its catalogue is fetched first (from
/// the service worker's copy once kept), so the first screen is already in
/// her language.
pub fn start() {
    console_error_panic_hook::set_once();
    let language = i18n::chosen();
    i18n::mark_page(language);
    if language == pathway_model::catalogue::Language::English {
        ui::later::after_this_task(mount);
    } else {
        // wasm-bindgen's own spawner: Leptos sets up its executor only in
        // mount_to_body, which this waits for.
        wasm_bindgen_futures::spawn_local(async move {
            i18n::load(language).await;
            mount();
        });
    }
}

fn mount() {
    leptos::mount::mount_to_body(app::App);
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
}
