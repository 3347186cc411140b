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
use leptos_router::components::A;

use super::nav::HealthNav;

/// `/health/share`.
#[component]
pub fn SharePage() -> impl IntoView {
    let links = list::her_links();
    view! {
        <HealthNav/>
        <p class="back"><A href="/health/passport">"Back to Passport"</A></p>
        <h1>"Share with a doctor"</h1>
        <p>
            "Make a link to your health passport for a doctor, nurse or dentist. They need the link and a passcode \
             to see it. They can't change anything, and the link stops working when you choose."
        </p>
        <p class="hint">"You'll see here each time someone opens it. It is also in \"Who looked at my record\" on Me."</p>
        <make::MakeLink made=move || links.retry()/>
        <list::LinkList links=links/>
    }
}
