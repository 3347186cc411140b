//! Her passport for a professional (issue 19): the FHIR file on the
//! passport page (`download`), and `/health/share`, where she makes a link
//! with a passcode (`make`) and sees and ends her links (`list`). These
//! talk to the server directly (they are not records), so they need signal.

mod download;
mod list;
mod make;
mod words;

pub use download::FhirDownload;

use leptos::prelude::*;

use super::nav::HealthNav;
use crate::i18n::{k, t};
use crate::router::A;

/// `/health/share`.
#[component]
pub fn SharePage() -> impl IntoView {
    let links = list::her_links();
    view! {
        <HealthNav/>
        <p class="back"><A href="/health/passport">{t(k::HEALTH_SHARE_BACK)}</A></p>
        <h1>{t(k::HEALTH_SHARE_TITLE)}</h1>
        <p>{t(k::HEALTH_SHARE_INTRO)}</p>
        <p class="hint">{t(k::HEALTH_SHARE_SEEN_HINT)}</p>
        <make::MakeLink made=move || links.retry()/>
        <list::LinkList links=links/>
    }
}
