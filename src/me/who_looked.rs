//! "Who looked at my record" (`/me/who-looked`): every time staff read or
//! wrote her data, newest first, from the server's audit trail. Loaded
//! fresh each time (no copy on the phone): it is the server's record.

use leptos::prelude::*;
use pathway_model::caseload::RecordView;

use crate::api::account::record_views;
use crate::clock::short_day_and_clock;
use crate::i18n::{k, t, tf};
use crate::router::A;
use crate::ui::{Loaded, load};

/// "Sam Okafor, your PA, looked at your details, 1 Dec 14:05".
pub fn view_words(v: &RecordView, when: &str) -> String {
    tf(k::ME_WHO_LOOKED_LINE, &[("who", &v.who), ("role", &v.role), ("did", &v.did), ("when", when)])
}

#[component]
pub fn WhoLookedPage() -> impl IntoView {
    let views = load(record_views, None);
    view! {
        <p class="back"><A href="/me">{t(k::ME_WHO_LOOKED_BACK)}</A></p>
        <h1>{t(k::ME_WHO_LOOKED_TITLE)}</h1>
        <p>{t(k::ME_WHO_LOOKED_INTRO)}</p>
        <Loaded remote=views what=t(k::ME_WHO_LOOKED_LOADING_WHAT) let:all>
            <p class="agreed__none">{if all.is_empty() { t(k::ME_WHO_LOOKED_NONE) } else { "" }}</p>
            <ul class="plain-list agreed__views">
                {all.iter().map(|v| view! { <li>{view_words(v, &short_day_and_clock(v.at))}</li> }).collect_view()}
            </ul>
        </Loaded>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_look_reads_as_one_line() {
        let v = RecordView {
            at: 0,
            who: "Sam Okafor".into(),
            role: "your PA".into(),
            did: "looked at your details".into(),
        };
        assert_eq!(view_words(&v, "1 Dec 14:05"), "Sam Okafor, your PA, looked at your details, 1 Dec 14:05");
    }
}
