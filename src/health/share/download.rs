//! "Download for a doctor's computer": her passport as a FHIR file. The
//! page fetches it and saves it itself (an object URL and a temporary
//! link), so no signal reads as words, not as the browser's error page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::api::health_share::passport_fhir;
use crate::i18n::{k, t, tf};

/// The file's name on her phone.
pub const FILE_NAME: &str = "health-passport.fhir.json";

/// What she is told when the file could not come.
pub fn download_problem(e: &ApiError) -> &'static str {
    if e.is_unreachable() { t(k::HEALTH_SHARE_DOWNLOAD_OFFLINE) } else { t(k::HEALTH_SHARE_DOWNLOAD_FAILED) }
}

/// Saves `blob` as a file, as a download link would.
fn save(blob: &web_sys::Blob) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let doc = web_sys::window()?.document()?;
    let a: web_sys::HtmlElement = doc.create_element("a").ok()?.unchecked_into();
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", FILE_NAME);
    doc.body()?.append_child(&a).ok()?;
    a.click();
    a.remove();
    // Once the browser has surely taken the file, its memory can go.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    Some(())
}

#[component]
pub fn FhirDownload() -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let download = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        said.set(None);
        spawn_local(async move {
            let words = match passport_fhir().await {
                Ok(blob) if save(&blob).is_some() => tf(k::HEALTH_SHARE_DOWNLOAD_DONE, &[("file", FILE_NAME)]),
                Ok(_) => t(k::HEALTH_SHARE_DOWNLOAD_NOT_SAVED).to_string(),
                Err(e) => download_problem(&e).to_string(),
            };
            busy.set(false);
            said.set(Some(words));
        });
    };
    view! {
        <h2 id="passport-file">{t(k::HEALTH_SHARE_DOWNLOAD_HEADING)}</h2>
        <p>{t(k::HEALTH_SHARE_DOWNLOAD_ABOUT)}</p>
        <button type="button" class="button" disabled=move || busy.get() on:click=download>
            {t(k::HEALTH_SHARE_DOWNLOAD_BUTTON)}
        </button>
        <p role="status">{move || said.get()}</p>
    }
}
