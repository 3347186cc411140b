//! Service worker registration and the "new version" prompt. The worker
//! itself is `public/sw.js`; its cache name is stamped at build time.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::catalogue::Language;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::i18n;

/// The message `sw.js` listens for before it takes over from the old worker.
const SKIP_WAITING: &str = "skip-waiting";
/// The message that asks an active worker to take this page into its care.
const CLAIM: &str = "claim";
/// The message that asks the worker to keep a language's files, followed
/// by the language's file stem ("keep-language:ar").
const KEEP_LANGUAGE: &str = "keep-language:";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Missing on plain http (other than localhost) and in some private modes;
    // the app works without it, just not offline.
    let has = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `/sw.js` and sets `update_ready` when a newer worker is
/// installed and waiting (only when an older one controls the page: the very
/// first install needs no prompt).
pub fn register(update_ready: RwSignal<bool>) {
    let Some(sw) = container() else { return };
    let promise = sw.register("/sw.js");
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        let has_controller = {
            let sw = sw.clone();
            move || sw.controller().is_some()
        };
        if reg.waiting().is_some() && has_controller() {
            update_ready.set(true);
        }
        // Started by the sign-in page, the worker can become active while
        // this page loads, too late to take it over by itself.
        if let (Some(active), false) = (reg.active(), has_controller()) {
            let _ = active.post_message(&CLAIM.into());
        }
        keep_language_files(&sw);
        let reg2 = reg.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg2.installing() else {
                return;
            };
            let worker = installing.clone();
            let has_controller = has_controller.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Asks the worker to keep this page's language files (catalogue and
/// glossary) for use with no signal. On a first visit the page reads its
/// catalogue while the worker is still being installed, so not through it,
/// and the worker may take the page over before or after this code runs:
/// which of those happened can't be told from here (the page's controller
/// now says nothing about when the catalogue was read). So the worker is
/// asked once it is active, and fetches only a file it does not hold yet
/// (`keepLanguage` in public/sw.js).
fn keep_language_files(sw: &ServiceWorkerContainer) {
    let language = i18n::language();
    if language == Language::English {
        return;
    }
    let Ok(ready) = sw.ready() else { return };
    let message = format!("{KEEP_LANGUAGE}{}", language.file_stem());
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(ready).await else { return };
        if let Some(active) = reg.unchecked_into::<ServiceWorkerRegistration>().active() {
            let _ = active.post_message(&message.into());
        }
    });
}

/// The person said "Reload": let the waiting worker take over, then reload
/// once it controls the page.
pub fn apply_update() {
    let Some(sw) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let reg = JsFuture::from(sw.get_registration()).await.ok();
        let waiting = reg.and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok()).and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&SKIP_WAITING.into());
            }
            // Nothing waiting after all (another tab already updated): a
            // plain reload picks up the new version.
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}
