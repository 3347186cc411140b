use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::check_who;
use crate::i18n::{k, t};
use crate::router::A;
use crate::state::use_app;

/// Shown when the app starts with no connection and doesn't know who you
/// are yet: the frame stays, with a way to try again.
#[component]
pub fn NotKnownPage() -> impl IntoView {
    let state = use_app();
    view! {
        <h1>{t(k::FRAME_NOT_KNOWN_TITLE)}</h1>
        <p>{t(k::FRAME_NOT_KNOWN_NOTHING_SAVED)}</p>
        <p>{t(k::FRAME_NOT_KNOWN_CHECK_CONNECTION)}</p>
        <button type="button" class="button" on:click=move |_| spawn_local(check_who(state))>
            {t(k::UI_TRY_AGAIN)}
        </button>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>{t(k::FRAME_NOT_FOUND_TITLE)}</h1>
        <p>{t(k::FRAME_NOT_FOUND_NOTHING_HERE)}</p>
        <p><A href="/">{t(k::FRAME_NOT_FOUND_GO_TO_START)}</A></p>
    }
}
