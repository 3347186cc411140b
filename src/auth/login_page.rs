use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use pathway_model::ErrorCode;
use pathway_model::auth::{LoginRequest, LoginRequestError};

use crate::access::landing_path;
use crate::api::{self, ApiError};
use crate::saved;
use crate::state::{Who, use_app};
use crate::ui::form::{Keys, TextField};

/// What to tell someone whose sign-in failed: what happened and what to do,
/// never a code.
pub fn login_message(e: &ApiError) -> &'static str {
    if e.is_unreachable() {
        return "We can't reach Pathway. Check you're online, then try again.";
    }
    match e.code() {
        Some(ErrorCode::InvalidCredentials) | Some(ErrorCode::ValidationFailed) => {
            "Your username or passphrase is wrong. Check them and try again."
        }
        Some(ErrorCode::TooManyAttempts) => "Too many tries. Wait a few minutes, then try again.",
        _ => "Something went wrong on our side. Try again in a minute.",
    }
}

fn check_message(e: &LoginRequestError) -> &'static str {
    match e {
        LoginRequestError::EmptyUsername => "Enter your username.",
        LoginRequestError::EmptyPassphrase => "Enter your passphrase.",
        LoginRequestError::UsernameTooLong => "That username is too long. Check it and try again.",
        LoginRequestError::PassphraseTooLong => "That passphrase is too long. Check it and try again.",
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let username = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = LoginRequest { username: username.get_untracked(), passphrase: passphrase.get_untracked() };
        if let Err(e) = request.validate() {
            error.set(Some(check_message(&e)));
            return;
        }
        error.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::login(&request).await {
                Ok(me) => {
                    // A new session replaced any the app lock still owed a sign-out for.
                    super::sign_out_paid();
                    saved::set_me(&me);
                    state.offline.set(false);
                    let to = landing_path(me.role);
                    state.who.set(Who::SignedIn(me));
                    navigate(to, NavigateOptions { replace: true, ..Default::default() });
                }
                Err(e) => {
                    if e.is_unreachable() {
                        state.offline.set(true);
                    }
                    // Clear the passphrase so a wrong one isn't left on screen.
                    passphrase.set(String::new());
                    error.set(Some(login_message(&e)));
                }
            }
            busy.set(false);
        });
    };

    // The app lock signs out after 10 wrong PINs and says so here, so the
    // young person knows why they are back at the start.
    let query = use_query_map();
    let after_lock = move || query.read().get("why").as_deref() == Some("pin");

    view! {
        <div class="narrow">
            <h1>"Sign in to Pathway"</h1>
            <Show when=after_lock>
                <p class="notice" role="status">
                    "You were signed out because the PIN was wrong 10 times, and your information was removed from this phone. Sign in with your passphrase. You can set a new PIN on Me."
                </p>
            </Show>
            <div class="error-summary" role="alert">
                {move || error.get().map(|msg| view! { <p class="error-message">{msg}</p> })}
            </div>
            <form class="form" on:submit=on_submit novalidate=true>
                <TextField id="username" label="Username" value=username autocomplete="username" keys=Keys::Plain/>
                <TextField
                    id="passphrase"
                    label="Passphrase"
                    kind="password"
                    value=passphrase
                    autocomplete="current-password"
                />
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { "Signing in…" } else { "Sign in" }}
                </button>
            </form>
            <p class="hint">"Forgotten your passphrase? Ask your personal advisor to reset it."</p>
            <p class="hint">"Need to leave fast? Tap Quick exit, or press the Shift key 3 times."</p>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn api(status: u16, code: ErrorCode) -> ApiError {
        ApiError::Api { status, code, message: String::new() }
    }

    #[test]
    fn each_failure_gets_its_own_plain_words() {
        assert!(login_message(&api(401, ErrorCode::InvalidCredentials)).contains("wrong"));
        assert!(login_message(&api(429, ErrorCode::TooManyAttempts)).contains("Too many tries"));
        assert!(login_message(&ApiError::Offline).contains("can't reach Pathway"));
        assert!(login_message(&ApiError::Network("reset".into())).contains("can't reach Pathway"));
        assert!(login_message(&api(500, ErrorCode::Internal)).contains("on our side"));
    }

    #[test]
    fn messages_never_show_codes_or_debug_text() {
        let all = [
            api(401, ErrorCode::InvalidCredentials),
            api(429, ErrorCode::TooManyAttempts),
            api(503, ErrorCode::Unknown),
            ApiError::BadResponse("expected value at line 1".into()),
        ];
        for e in all {
            let msg = login_message(&e);
            assert!(!msg.contains('_') && !msg.contains("line 1"), "{msg}");
        }
    }
}
