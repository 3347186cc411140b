use leptos::prelude::*;

use super::translated::MachineTranslated;
use crate::i18n::{k, t};
use crate::pwa;
use crate::state::use_app;

/// Calm, short notices at the top of the page. They are live regions so a
/// screen reader hears them when they appear, without stealing focus.
#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    let sample = move || state.me().is_some_and(|me| me.council.sample_data);
    view! {
        <MachineTranslated/>
        <div class="banners" role="status">
            <Show when=move || state.offline.get()>
                <p class="banner banner--offline">
                    <strong>{t(k::FRAME_BANNER_OFFLINE)}</strong>
                    " "{t(k::FRAME_BANNER_OFFLINE_DETAIL)}
                </p>
            </Show>
        </div>
        <Show when=move || state.update_ready.get()>
            <div class="banner banner--update" role="status">
                <p>{t(k::FRAME_BANNER_UPDATE_READY)}</p>
                <button type="button" class="button button--small" on:click=move |_| pwa::apply_update()>
                    {t(k::FRAME_BANNER_RELOAD)}
                </button>
            </div>
        </Show>
        <Show when=sample>
            <p class="banner banner--sample">
                <strong class="badge">{t(k::UI_SAMPLE_DATA)}</strong>
                " "{t(k::FRAME_BANNER_SAMPLE_DATA)}
            </p>
        </Show>
    }
}
