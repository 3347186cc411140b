use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::state::use_app;
use crate::store::{engine, use_sync};

/// The words for changes that would be lost by signing out now.
pub fn only_here_words(n: usize) -> String {
    match n {
        1 => "1 change is only on this phone.".to_string(),
        n => format!("{n} changes are only on this phone."),
    }
}

/// Ends the session on the server, wipes what this phone saved (the local
/// store and the small cache), and goes to the sign-in page. Offline it
/// says so and does nothing: the session would otherwise stay alive on the
/// server while looking signed out here.
///
/// If some changes never reached the server, it says so first and offers
/// to sync; signing out anyway loses them, and that is the person's choice.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let problem = RwSignal::new(None::<&'static str>);
    let asking = RwSignal::new(false);

    let sign_out = move || {
        spawn_local(async move {
            match api::logout().await {
                Ok(()) | Err(api::ApiError::Unauthenticated) => {
                    asking.set(false);
                    super::wipe_this_phone(state, super::WhyLogin::SignedOut).await;
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
    let sign_out2 = sign_out.clone();
    let first_click = move |_| {
        if sync.only_here() > 0 {
            asking.set(true);
        } else {
            sign_out();
        }
    };

    view! {
        <button type="button" class="button button--secondary" on:click=first_click>"Sign out"</button>
        <span class="sign-out-problem" role="alert">{move || problem.get()}</span>
        <Show when=move || asking.get()>
            <div class="notice sign-out-check" role="alert">
                {move || match sync.only_here() {
                    0 => view! { <p>"Everything is synced now. You can sign out."</p> }.into_any(),
                    n => view! {
                        <p><strong>{only_here_words(n)}</strong></p>
                        <p>"If you sign out now, they will be lost."</p>
                        <button type="button" class="button button--small" on:click=move |_| engine::request_sync()>
                            "Try to sync now"
                        </button>
                    }.into_any(),
                }}
                {
                    let sign_out = sign_out2.clone();
                    view! {
                        <button type="button" class="button button--small button--secondary" on:click=move |_| sign_out()>
                            {move || if sync.only_here() > 0 { "Sign out anyway" } else { "Sign out" }}
                        </button>
                    }
                }
            </div>
        </Show>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn sign_out_counts_changes_in_plain_words() {
        assert_eq!(only_here_words(1), "1 change is only on this phone.");
        assert_eq!(only_here_words(3), "3 changes are only on this phone.");
    }
}
