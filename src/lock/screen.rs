//! The full-screen lock: a PIN box, Unlock, and signing out for someone
//! who forgot the PIN. Nothing of the app is drawn behind it.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use pathway_model::ErrorCode;

use super::TopBar;
use super::rules::{self, PhoneSaid, ServerSaid, Tries, Verdict};
use super::{browser, use_lock};
use crate::api::{self, ApiError};
use crate::auth::{self, SignOutButton};
use crate::i18n::{k, t};
use crate::saved;
use crate::state::{Who, use_app};
use crate::store::engine;
use crate::ui::form::{Keys, TextField};
use crate::vault;

/// Tries the PIN on the phone (the vault's data key) and on the server.
async fn try_pin(pin: &str) -> Result<Verdict, vault::VaultError> {
    let phone = if vault::has_pin() {
        if vault::open_with_pin(pin).await? { PhoneSaid::Right } else { PhoneSaid::Wrong }
    } else {
        PhoneSaid::NoPin
    };
    // A PIN the phone knows is wrong is not sent: the server needn't count it.
    if phone == PhoneSaid::Wrong {
        return Ok(Verdict::Wrong);
    }
    let server = match api::device_lock::unlock(pin).await {
        Ok(()) => ServerSaid::Unlocked,
        Err(ApiError::Unauthenticated) => ServerSaid::SignedOut,
        Err(e) if e.is_unreachable() => ServerSaid::Unreachable,
        Err(e) => match e.code() {
            Some(ErrorCode::WrongPin) => ServerSaid::WrongPin,
            Some(ErrorCode::PinTriesUsedUp) => ServerSaid::TriesUsedUp,
            _ => ServerSaid::Other,
        },
    };
    Ok(rules::verdict(phone, server))
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Once it is drawn, starts a screen reader at the top of the screen shown.
fn focus_screen() {
    request_animation_frame(|| {
        if let Some(el) = document().and_then(|d| d.get_element_by_id("lock"))
            && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn LockScreen() -> impl IntoView {
    let lock = use_lock();
    let state = use_app();
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let tries = RwSignal::new(browser::tries());
    let now = RwSignal::new(js_sys::Date::now());
    let input = NodeRef::<html::Input>::new();

    // The page title says nothing but "Pathway" while locked.
    let title_before = document().map(|d| d.title()).unwrap_or_default();
    if let Some(d) = document() {
        d.set_title("Pathway");
    }
    // The wait counts down each second.
    let ticker = set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(t) = ticker {
            t.clear();
        }
        if let Some(d) = document()
            && d.title() == "Pathway"
            && !title_before.is_empty()
        {
            d.set_title(&title_before);
        }
    });
    // Focus goes straight to the PIN box.
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });

    let give_up = move || {
        spawn_local(async move {
            // Owed first: if the server can't be told now, the next start
            // signs out before anything else.
            auth::owe_sign_out();
            if let Err(e) = engine::wipe().await {
                leptos::logging::warn!("{e}");
            }
            saved::forget_everything();
            vault::forget().await;
            browser::forget();
            if matches!(api::logout().await, Ok(()) | Err(ApiError::Unauthenticated)) {
                auth::sign_out_paid();
            }
            lock.refresh();
            auth::go_to_login(auth::WhyLogin::WrongPin);
            state.who.set(Who::SignedOut);
        });
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let started = js_sys::Date::now();
        let so_far = browser::tries();
        tries.set(so_far);
        if let Some(words) = rules::wait_words(so_far.wait_left_ms(started)) {
            message.set(Some(words));
            return;
        }
        let typed = rules::western_digits(&pin.get_untracked());
        if typed.is_empty() {
            message.set(Some(t(k::LOCK_SCREEN_ENTER_PIN).to_string()));
            return;
        }
        // Emptied now, so nothing typed while it is checked gets lost.
        pin.set(String::new());
        busy.set(true);
        let give_up = give_up.clone();
        spawn_local(async move {
            let verdict = try_pin(&typed).await;
            busy.set(false);
            match verdict {
                Ok(
                    verdict @ (Verdict::Open | Verdict::OpenAndTellServer | Verdict::OpenServerLater | Verdict::SignIn),
                ) => {
                    if verdict == Verdict::OpenAndTellServer {
                        // Her new session has no PIN yet: she has just proved it.
                        browser::set_server_has_pin(api::device_lock::set_pin(&typed).await.is_ok());
                    }
                    if verdict == Verdict::Open {
                        browser::set_server_has_pin(true);
                    }
                    if verdict == Verdict::OpenServerLater {
                        super::unlock_server_later(typed);
                    }
                    browser::set_tries(&Tries::default());
                    super::key_opened(lock, state).await;
                    lock.unlock();
                    // Once the app is back on screen, start at its content.
                    request_animation_frame(crate::ui::focus_main);
                }
                Ok(Verdict::WipeAll) => give_up(),
                Ok(Verdict::Wrong) => {
                    let mut t = browser::tries();
                    t.add_wrong(js_sys::Date::now());
                    browser::set_tries(&t);
                    tries.set(t);
                    now.set(js_sys::Date::now());
                    message.set(Some(rules::after_wrong_words(&t)));
                    if t.must_sign_out() {
                        give_up();
                    } else if let Some(el) = input.get_untracked() {
                        let _ = el.focus();
                    }
                }
                Ok(Verdict::TryAgain) => {
                    message.set(Some(t(k::LOCK_SCREEN_NEED_INTERNET).to_string()));
                }
                Err(e) => {
                    leptos::logging::warn!("{e}");
                    message.set(Some(t(k::LOCK_SCREEN_CHECK_FAILED).to_string()));
                }
            }
        });
    };

    // Her emergency card, only if she let the lock screen show it.
    let card = super::card::open_copy();
    let has_card = card.is_some();
    let showing_card = RwSignal::new(false);
    let card_view = move || {
        view! {
            <main class="main lock" id="lock" tabindex="-1">
                <h1>{t(k::LOCK_SCREEN_EMERGENCY_CARD)}</h1>
                {card.clone().map(|c| view! { <super::card::CardView card=c/> })}
                <button type="button" class="button button--secondary" on:click=move |_| showing_card.set(false)>
                    {t(k::LOCK_SCREEN_CARD_BACK)}
                </button>
            </main>
        }
    };

    let lock_view = move || {
        let on_submit = on_submit.clone();
        view! {
        <main class="main lock" id="lock" tabindex="-1">
            <h1>{t(k::LOCK_SCREEN_HEADING)}</h1>
            <p>{t(k::LOCK_SCREEN_INTRO)}</p>
            <div class="error-summary" role="alert">
                {move || message.get().map(|m| view! { <p class="error-message">{m}</p> })}
            </div>
            <form class="form lock__form" on:submit=on_submit novalidate=true>
                <TextField
                    id="lock-pin"
                    label=t(k::LOCK_SCREEN_PIN_LABEL)
                    kind="password"
                    keys=Keys::Digits
                    autocomplete="off"
                    max=6
                    node_ref=input
                    class="lock__pin"
                    value=pin
                />
                <p class="lock__wait">{move || rules::wait_words(tries.get().wait_left_ms(now.get()))}</p>
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { t(k::LOCK_SCREEN_CHECKING) } else { t(k::LOCK_SCREEN_UNLOCK) }}
                </button>
            </form>
            {has_card.then(|| view! {
                <section class="lock__card" aria-labelledby="lock-card">
                    <h2 id="lock-card">{t(k::LOCK_SCREEN_EMERGENCY_HEADING)}</h2>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        showing_card.set(true);
                        focus_screen();
                    }>
                        {t(k::LOCK_SCREEN_EMERGENCY_CARD)}
                    </button>
                </section>
            })}
            <section class="lock__forgot" aria-labelledby="lock-forgot">
                <h2 id="lock-forgot">{t(k::LOCK_SCREEN_FORGOT_HEADING)}</h2>
                <p>{t(k::LOCK_SCREEN_FORGOT_TEXT)}</p>
                <SignOutButton/>
            </section>
        </main>
        }
    };

    view! {
        <header class="site-header">
            <TopBar/>
        </header>
        {move || if showing_card.get() { card_view().into_any() } else { lock_view().into_any() }}
    }
}
