use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::i18n::{k, t, tp};
use crate::state::use_app;
use crate::store::{engine, use_sync};

/// The words for changes that would be lost by signing out now.
pub fn only_here_words(n: usize) -> String {
    tp(k::AUTH_SIGN_OUT_ONLY_HERE, u32::try_from(n).unwrap_or(u32::MAX), &[])
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
                        t(k::AUTH_SIGN_OUT_OFFLINE)
                    } else {
                        t(k::AUTH_SIGN_OUT_FAILED)
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
        <button type="button" class="button button--secondary" on:click=first_click>{t(k::AUTH_SIGN_OUT_BUTTON)}</button>
        <span class="sign-out-problem" role="alert">{move || problem.get()}</span>
        <Show when=move || asking.get()>
            <div class="notice sign-out-check" role="alert">
                {move || match sync.only_here() {
                    0 => view! { <p>{t(k::AUTH_SIGN_OUT_ALL_SYNCED)}</p> }.into_any(),
                    n => view! {
                        <p><strong>{only_here_words(n)}</strong></p>
                        <p>{t(k::AUTH_SIGN_OUT_WILL_BE_LOST)}</p>
                        <button type="button" class="button button--small" on:click=move |_| engine::request_sync()>
                            {t(k::AUTH_SIGN_OUT_SYNC_NOW)}
                        </button>
                    }.into_any(),
                }}
                {
                    let sign_out = sign_out2.clone();
                    view! {
                        <button type="button" class="button button--small button--secondary" on:click=move |_| sign_out()>
                            {move || if sync.only_here() > 0 { t(k::AUTH_SIGN_OUT_ANYWAY) } else { t(k::AUTH_SIGN_OUT_BUTTON) }}
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
