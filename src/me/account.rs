//! "Your account" on Me (issue 13): change the passphrase, and where you're
//! signed in. For everyone, staff too.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::ErrorCode;
use pathway_model::auth::Role;
use pathway_model::auth::account::SessionInfo;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::clock;
use crate::i18n::{k, t, tf, tp};
use crate::state::{Who, use_app};
use crate::ui::form::TextField;
use crate::ui::{Loaded, load};

/// The words for a refused account action. `wrong` is what a wrong
/// passphrase means here.
pub(super) fn refused_words(e: &ApiError, wrong: &str) -> String {
    match e.code() {
        _ if e.is_unreachable() => t(k::UI_LOAD_OFFLINE_NOT_SENT).to_string(),
        Some(ErrorCode::InvalidCredentials) => wrong.to_string(),
        Some(ErrorCode::TooManyAttempts) => t(k::ME_ACCOUNT_TOO_MANY_TRIES).to_string(),
        // The server's words are already for the person choosing.
        Some(ErrorCode::WeakPassphrase) => match e {
            ApiError::Api { message, .. } if !message.is_empty() => message.clone(),
            _ => t(k::ME_PASSPHRASE_RULES).to_string(),
        },
        _ => t(k::ME_ACCOUNT_SERVER_PROBLEM).to_string(),
    }
}

/// What is wrong with a new passphrase before asking the server (which
/// also checks its list of common ones), as the server would say it.
pub fn new_passphrase_problem(new: &str, again: &str, username: &str) -> Option<&'static str> {
    let length = new.chars().count();
    if length < pathway_model::auth::passphrase_rules::PASSPHRASE_MIN {
        Some(t(k::ME_PASSPHRASE_TOO_SHORT))
    } else if length > pathway_model::auth::PASSPHRASE_MAX {
        Some(t(k::ME_PASSPHRASE_TOO_LONG))
    } else if !username.is_empty() && pathway_model::fold::lower(&new).contains(&pathway_model::fold::lower(username)) {
        Some(t(k::ME_PASSPHRASE_HAS_USERNAME))
    } else if new != again {
        Some(t(k::ME_PASSPHRASE_NOT_SAME))
    } else {
        None
    }
}

#[component]
pub fn ChangePassphrase() -> impl IntoView {
    let state = use_app();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        done.set(false);
        let (c, n) = (current.get_untracked(), new.get_untracked());
        let username = match state.who.get_untracked() {
            Who::SignedIn(me) => me.username,
            _ => String::new(),
        };
        let problem = if c.is_empty() {
            Some(t(k::ME_PASSPHRASE_ENTER_CURRENT))
        } else {
            new_passphrase_problem(&n, &again.get_untracked(), &username)
        };
        if let Some(p) = problem {
            again.set(String::new());
            error.set(Some(p.to_string()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::account::change_passphrase(c, n).await;
            busy.set(false);
            for field in [current, new, again] {
                field.set(String::new());
            }
            match answer {
                Ok(()) => done.set(true),
                Err(e) => {
                    state.note_error(&e);
                    error.set(Some(refused_words(&e, t(k::ME_PASSPHRASE_WRONG_CURRENT))));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="me-passphrase">
            <h2 id="me-passphrase">{t(k::ME_PASSPHRASE_HEADING)}</h2>
            <p class="notice account-done" role="status">
                {move || done.get().then_some(t(k::ME_PASSPHRASE_DONE))}
            </p>
            <div class="error-summary" role="alert">
                {move || error.get().map(|e| view! { <p class="error-message">{e}</p> })}
            </div>
            <form class="form" on:submit=on_submit novalidate=true>
                <TextField id="pass-now" label=t(k::ME_PASSPHRASE_CURRENT_LABEL) kind="password"
                    autocomplete="current-password" max=pathway_model::auth::PASSPHRASE_MAX value=current/>
                <TextField id="pass-new" label=t(k::ME_PASSPHRASE_NEW_LABEL) kind="password" hint=t(k::ME_PASSPHRASE_RULES)
                    autocomplete="new-password" max=pathway_model::auth::PASSPHRASE_MAX value=new/>
                <TextField id="pass-again" label=t(k::ME_PASSPHRASE_AGAIN_LABEL) kind="password"
                    autocomplete="new-password" max=pathway_model::auth::PASSPHRASE_MAX value=again/>
                <button type="submit" class="button" disabled=move || busy.get()>{t(k::ME_PASSPHRASE_SUBMIT)}</button>
            </form>
        </section>
    }
}

/// "3 days ago": how long since `then`, in words.
pub fn ago_words(now_ms: i64, then_ms: i64) -> String {
    let minutes = ((now_ms - then_ms).max(0) / 60_000) as u32;
    match minutes {
        0..2 => t(k::ME_AGO_JUST_NOW).to_string(),
        2..60 => tp(k::ME_AGO_MINUTES, minutes, &[]),
        60..1440 => tp(k::ME_AGO_HOURS, minutes / 60, &[]),
        1440..2880 => t(k::ME_AGO_YESTERDAY).to_string(),
        _ => tp(k::ME_AGO_DAYS, minutes / 1440, &[]),
    }
}

/// One place she is signed in, in plain words: "This phone · Chrome on
/// Android", "Firefox on Windows · last used 3 days ago".
pub fn session_words(s: &SessionInfo, here: &str, now_ms: i64) -> String {
    if s.this_device {
        tf(k::ME_SESSIONS_THIS_DEVICE_LINE, &[("here", here), ("device", &s.device)])
    } else {
        tf(k::ME_SESSIONS_OTHER_DEVICE_LINE, &[("device", &s.device), ("ago", &ago_words(now_ms, s.last_used_at))])
    }
}

#[component]
pub fn Sessions() -> impl IntoView {
    let state = use_app();
    let here = if state.me().is_some_and(|me| me.role == Role::YoungPerson) {
        t(k::ME_SESSIONS_THIS_PHONE)
    } else {
        t(k::ME_SESSIONS_THIS_DEVICE)
    };
    let remote = load(api::account::sessions, None);
    let problem = RwSignal::new(None::<String>);
    let end = move |id: Uuid| {
        spawn_local(async move {
            match api::account::end_session(id).await {
                // Gone already (it ended by itself): the list catches up.
                Ok(()) | Err(ApiError::Api { code: ErrorCode::NotFound, .. }) => {
                    problem.set(None);
                    remote.retry();
                }
                Err(e) => {
                    state.note_error(&e);
                    problem.set(Some(refused_words(&e, "")));
                }
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="me-sessions">
            <h2 id="me-sessions">{t(k::ME_SESSIONS_HEADING)}</h2>
            <p class="error-message account-problem" role="alert">{move || problem.get()}</p>
            <Loaded remote=remote what=t(k::ME_SESSIONS_LOADING_WHAT) let:list>
                {session_list(list, here, end)}
            </Loaded>
        </section>
    }
}

fn session_list(mut list: Vec<SessionInfo>, here: &'static str, end: impl Fn(Uuid) + Copy + 'static) -> impl IntoView {
    pathway_model::order::sort_by_key(&mut list, |s| (!s.this_device, -s.last_used_at));
    let now = clock::now_ms();
    view! {
        <ul class="sessions">
            {list.into_iter().map(|s| {
                let words = session_words(&s, here, now);
                let label = tf(k::ME_SESSIONS_SIGN_OUT_LABEL, &[("session", &words)]);
                view! {
                    <li>
                        <span>{words}</span>
                        {(!s.this_device).then(|| view! {
                            <button type="button" class="button button--small button--secondary"
                                aria-label=label on:click=move |_| end(s.id)>{t(k::ME_SESSIONS_SIGN_OUT)}</button>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn new_passphrases_are_checked_as_the_server_would() {
        assert!(new_passphrase_problem("short", "short", "jade.w").unwrap().contains("at least 8"));
        assert!(new_passphrase_problem("i-am-Jade.W-ok", "i-am-Jade.W-ok", "jade.w").unwrap().contains("username"));
        assert!(new_passphrase_problem("blue kettle", "blue kettel", "jade.w").unwrap().contains("not the same"));
        assert_eq!(new_passphrase_problem("blue kettle", "blue kettle", "jade.w"), None);
    }

    #[test]
    fn how_long_ago_in_words() {
        let now = 10 * 86_400_000;
        assert_eq!(ago_words(now, now - 30_000), "just now");
        assert_eq!(ago_words(now, now - 5 * 60_000), "5 minutes ago");
        assert_eq!(ago_words(now, now - 60 * 60_000), "1 hour ago");
        assert_eq!(ago_words(now, now - 30 * 3_600_000), "yesterday");
        assert_eq!(ago_words(now, now - 3 * 86_400_000), "3 days ago");
    }

    #[test]
    fn sessions_in_plain_words() {
        let s = SessionInfo {
            id: uuid::Uuid::nil(),
            device: "Chrome on Android".into(),
            this_device: false,
            signed_in_at: 0,
            last_used_at: 0,
        };
        assert_eq!(session_words(&s, "This phone", 3 * 86_400_000), "Chrome on Android · last used 3 days ago");
        let here = SessionInfo { this_device: true, ..s };
        assert_eq!(session_words(&here, "This phone", 3 * 86_400_000), "This phone · Chrome on Android");
    }
}
