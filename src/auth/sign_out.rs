use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::app::{Who, use_app};
use crate::saved;

/// Ends the session on the server, forgets what this phone saved, and goes
/// to the sign-in page. Offline it says so and does nothing: the session
/// would otherwise stay alive on the server while looking signed out here.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<&'static str>);

    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::logout().await {
                Ok(()) | Err(api::ApiError::Unauthenticated) => {
                    saved::forget_everything();
                    state.who.set(Who::SignedOut);
                    navigate("/login", NavigateOptions { replace: true, ..Default::default() });
                }
                Err(e) => {
                    state.note_error(&e);
                    problem.set(Some(if e.is_unreachable() {
                        "You're offline. Connect to the internet to sign out."
                    } else {
                        "We couldn't sign you out. Try again in a minute."
                    }));
                }
            }
        });
    };

    view! {
        <button type="button" class="button button--secondary" on:click=sign_out>"Sign out"</button>
        <span class="sign-out-problem" role="alert">{move || problem.get()}</span>
    }
}
