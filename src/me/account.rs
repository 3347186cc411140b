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
use crate::state::{Who, use_app};
use crate::ui::form::TextField;
use crate::ui::load::OFFLINE_NOT_SENT;
use crate::ui::{Loaded, load};
use crate::words::count;

/// The words for a refused account action. `wrong` is what a wrong
/// passphrase means here.
pub(super) fn refused_words(e: &ApiError, wrong: &str) -> String {
    match e.code() {
        _ if e.is_unreachable() => OFFLINE_NOT_SENT.to_string(),
        Some(ErrorCode::InvalidCredentials) => wrong.to_string(),
        Some(ErrorCode::TooManyAttempts) => "Too many tries. Wait a few minutes, then try again.".to_string(),
        // The server's words are already for the person choosing.
        Some(ErrorCode::WeakPassphrase) => match e {
            ApiError::Api { message, .. } if !message.is_empty() => message.clone(),
            _ => RULES.to_string(),
        },
        _ => "Something went wrong on our side. Try again in a minute.".to_string(),
    }
}

const RULES: &str = "At least 8 characters. A few words together is good. Not your username.";

/// What is wrong with a new passphrase before asking the server (which
/// also checks its list of common ones), as the server would say it.
pub fn new_passphrase_problem(new: &str, again: &str, username: &str) -> Option<&'static str> {
    let length = new.chars().count();
    if length < pathway_model::auth::passphrase_rules::PASSPHRASE_MIN {
        Some("Your passphrase needs at least 8 characters. Try a few words together.")
    } else if length > pathway_model::auth::PASSPHRASE_MAX {
        Some("Your passphrase can have up to 200 characters. Try a shorter one.")
    } else if !username.is_empty() && pathway_model::fold::lower(&new).contains(&pathway_model::fold::lower(username)) {
        Some("Your passphrase has your username in it. Choose something else.")
    } else if new != again {
        Some("The two new passphrases are not the same. Type it again in both boxes.")
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
            Some("Enter the passphrase you use now.")
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
                    error.set(Some(refused_words(&e, "That is not the passphrase you use now. Try again.")));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="me-passphrase">
            <h2 id="me-passphrase">"Change your passphrase"</h2>
            <p class="notice account-done" role="status">
                {move || done.get().then_some("Your passphrase is changed. You are signed out everywhere else.")}
            </p>
            <div class="error-summary" role="alert">
                {move || error.get().map(|e| view! { <p class="error-message">{e}</p> })}
            </div>
            <form class="form" on:submit=on_submit novalidate=true>
                <TextField id="pass-now" label="Passphrase you use now" kind="password"
                    autocomplete="current-password" max=pathway_model::auth::PASSPHRASE_MAX value=current/>
                <TextField id="pass-new" label="New passphrase" kind="password" hint=RULES
                    autocomplete="new-password" max=pathway_model::auth::PASSPHRASE_MAX value=new/>
                <TextField id="pass-again" label="New passphrase again" kind="password"
                    autocomplete="new-password" max=pathway_model::auth::PASSPHRASE_MAX value=again/>
                <button type="submit" class="button" disabled=move || busy.get()>"Change passphrase"</button>
            </form>
        </section>
    }
}

/// "3 days ago": how long since `then`, in words.
pub fn ago_words(now_ms: i64, then_ms: i64) -> String {
    let minutes = ((now_ms - then_ms).max(0) / 60_000) as u32;
    match minutes {
        0..2 => "just now".to_string(),
        2..60 => format!("{minutes} minutes ago"),
        60..1440 => format!("{} ago", count(minutes / 60, "hour", "hours")),
        1440..2880 => "yesterday".to_string(),
        _ => format!("{} days ago", minutes / 1440),
    }
}

/// One place she is signed in, in plain words: "This phone · Chrome on
/// Android", "Firefox on Windows · last used 3 days ago".
pub fn session_words(s: &SessionInfo, here: &str, now_ms: i64) -> String {
    if s.this_device {
        format!("{here} · {}", s.device)
    } else {
        format!("{} · last used {}", s.device, ago_words(now_ms, s.last_used_at))
    }
}

#[component]
pub fn Sessions() -> impl IntoView {
    let state = use_app();
    let here = if state.me().is_some_and(|me| me.role == Role::YoungPerson) { "This phone" } else { "This device" };
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
            <h2 id="me-sessions">"Where you're signed in"</h2>
            <p class="error-message account-problem" role="alert">{move || problem.get()}</p>
            <Loaded remote=remote what="where you're signed in" let:list>
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
                let label = format!("Sign out {words}");
                view! {
                    <li>
                        <span>{words}</span>
                        {(!s.this_device).then(|| view! {
                            <button type="button" class="button button--small button--secondary"
                                aria-label=label on:click=move |_| end(s.id)>"Sign out"</button>
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
