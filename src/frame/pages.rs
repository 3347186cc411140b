use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::auth::check_who;
use crate::state::use_app;

/// Shown when the app starts with no connection and doesn't know who you
/// are yet: the frame stays, with a way to try again.
#[component]
pub fn NotKnownPage() -> impl IntoView {
    let state = use_app();
    view! {
        <h1>"We can't reach Pathway"</h1>
        <p>"There's nothing saved on this phone yet, so Pathway needs the internet to start."</p>
        <p>"Check you're connected to Wi-Fi or mobile data, then try again."</p>
        <button type="button" class="button" on:click=move |_| spawn_local(check_who(state))>
            "Try again"
        </button>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There's nothing at this address."</p>
        <p><A href="/">"Go to the start"</A></p>
    }
}
