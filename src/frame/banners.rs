use leptos::prelude::*;

use crate::pwa;
use crate::state::use_app;

/// Calm, short notices at the top of the page. They are live regions so a
/// screen reader hears them when they appear, without stealing focus.
#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    let sample = move || state.me().is_some_and(|me| me.council.sample_data);
    view! {
        <div class="banners" role="status">
            <Show when=move || state.offline.get()>
                <p class="banner banner--offline">
                    <strong>"You're offline."</strong>
                    " Some things may not load until you're back online."
                </p>
            </Show>
        </div>
        <Show when=move || state.update_ready.get()>
            <div class="banner banner--update" role="status">
                <p>"A new version of Pathway is ready."</p>
                <button type="button" class="button button--small" on:click=move |_| pwa::apply_update()>
                    "Reload"
                </button>
            </div>
        </Show>
        <Show when=sample>
            <p class="banner banner--sample">
                <strong class="badge">"Sample data"</strong>
                " Made-up people, for trying Pathway out."
            </p>
        </Show>
    }
}
