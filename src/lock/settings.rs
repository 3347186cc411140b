//! "Lock Pathway with a PIN" on Me: set a PIN, change it, or turn the
//! lock off (which asks for the PIN first).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{browser, rules, use_lock};
use crate::api::{self, ApiError};
use crate::i18n::{k, t};
use crate::ui::form::{Keys, TextField};
use crate::vault;

/// Plain words for a PIN change the server did not take.
fn server_words(e: &ApiError) -> String {
    if e.is_unreachable() {
        t(k::LOCK_SETTINGS_OFFLINE).to_string()
    } else {
        t(k::LOCK_SETTINGS_SERVER_PROBLEM).to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Showing,
    Setting,
    Changing,
    TurningOff,
}

#[component]
pub fn PinSettings() -> impl IntoView {
    let lock = use_lock();
    let mode = RwSignal::new(Mode::Showing);
    let current = RwSignal::new(String::new());
    let new_pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let done_ref = NodeRef::<html::P>::new();

    let open = move |m: Mode| {
        current.set(String::new());
        new_pin.set(String::new());
        again.set(String::new());
        error.set(None);
        done.set(None);
        mode.set(m);
        // Straight to the first box of the form.
        let first = match m {
            Mode::Showing => return,
            Mode::Setting => "pin-new",
            _ => "pin-now",
        };
        request_animation_frame(move || {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(first))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
            {
                let _ = el.focus();
            }
        });
    };
    let finish = move |words: &'static str| {
        busy.set(false);
        open(Mode::Showing);
        done.set(Some(words));
        // Once it is drawn, read out where focus was (the form is gone).
        request_animation_frame(move || {
            if let Some(el) = done_ref.get_untracked() {
                let _ = el.focus();
            }
        });
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let m = mode.get_untracked();
        if m != Mode::TurningOff
            && let Err(e) = rules::check_new_pin(
                &rules::western_digits(&new_pin.get_untracked()),
                &rules::western_digits(&again.get_untracked()),
            )
        {
            error.set(Some(e.to_string()));
            return;
        }
        if m != Mode::Setting && current.get_untracked().is_empty() {
            error.set(Some(t(k::LOCK_SETTINGS_ENTER_CURRENT).to_string()));
            return;
        }
        busy.set(true);
        error.set(None);
        let (old, new) =
            (rules::western_digits(&current.get_untracked()), rules::western_digits(&new_pin.get_untracked()));
        spawn_local(async move {
            if m != Mode::Setting && !matches!(vault::open_with_pin(&old).await, Ok(true)) {
                busy.set(false);
                current.set(String::new());
                error.set(Some(t(k::LOCK_SETTINGS_WRONG_CURRENT).to_string()));
                return;
            }
            // The server first: a PIN it does not hold could not open its
            // lock, and one it holds that the phone lost would lock her out.
            let told = if m == Mode::TurningOff {
                api::device_lock::remove_pin().await
            } else {
                api::device_lock::set_pin(&new).await
            };
            if let Err(e) = told {
                busy.set(false);
                error.set(Some(server_words(&e)));
                return;
            }
            browser::set_server_has_pin(m != Mode::TurningOff);
            if m == Mode::TurningOff {
                if let Err(e) = vault::remove_pin().await {
                    leptos::logging::warn!("{e}");
                }
                browser::forget();
                lock.has_pin.set(false);
                finish(t(k::LOCK_SETTINGS_DONE_OFF));
                return;
            }
            match vault::set_pin(&new).await {
                Ok(()) => {
                    lock.has_pin.set(true);
                    finish(if m == Mode::Setting {
                        t(k::LOCK_SETTINGS_DONE_SET)
                    } else {
                        t(k::LOCK_SETTINGS_DONE_CHANGED)
                    });
                }
                Err(e) => {
                    leptos::logging::warn!("{e}");
                    busy.set(false);
                    error.set(Some(t(k::LOCK_SETTINGS_SAVE_FAILED).to_string()));
                }
            }
        });
    };

    let pin_field = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <TextField
                id=id
                label=label
                kind="password"
                keys=Keys::Digits
                autocomplete="off"
                max=6
                class="lock-settings__pin"
                value=value
            />
        }
    };

    view! {
        <section class="card lock-settings" aria-labelledby="me-lock">
            <h2 id="me-lock">{t(k::LOCK_SETTINGS_HEADING)}</h2>
            <p>{t(k::LOCK_SETTINGS_INTRO)}</p>
            <p class="hint">{t(k::LOCK_SETTINGS_FORGOT)}</p>
            <p class="lock-settings__done" role="status" tabindex="-1" node_ref=done_ref>{move || done.get()}</p>
            {move || match mode.get() {
                Mode::Showing => if lock.has_pin.get() {
                    view! {
                        <p><strong>{t(k::LOCK_SETTINGS_IS_ON)}</strong></p>
                        <div class="lock-settings__actions">
                            <button type="button" class="button button--secondary" on:click=move |_| open(Mode::Changing)>
                                {t(k::LOCK_SETTINGS_CHANGE)}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| open(Mode::TurningOff)>
                                {t(k::LOCK_SETTINGS_TURN_OFF)}
                            </button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <p>{t(k::LOCK_SETTINGS_IS_OFF)}</p>
                        <button type="button" class="button button--secondary" on:click=move |_| open(Mode::Setting)>
                            {t(k::LOCK_SETTINGS_SET)}
                        </button>
                    }.into_any()
                },
                m => view! {
                    <div class="error-summary" role="alert">
                        {move || error.get().map(|e| view! { <p class="error-message">{e}</p> })}
                    </div>
                    <form class="form" on:submit=on_submit novalidate=true>
                        {(m != Mode::Setting).then(|| pin_field("pin-now", t(k::LOCK_SETTINGS_CURRENT_LABEL), current))}
                        {(m != Mode::TurningOff).then(|| view! {
                            <p class="hint" id="pin-rule">{t(k::LOCK_SETTINGS_RULE)}</p>
                            {pin_field("pin-new", t(k::LOCK_SETTINGS_NEW_LABEL), new_pin)}
                            {pin_field("pin-again", t(k::LOCK_SETTINGS_AGAIN_LABEL), again)}
                        })}
                        <div class="lock-settings__actions">
                            <button type="submit" class="button" disabled=move || busy.get()>
                                {match m {
                                    Mode::TurningOff => t(k::LOCK_SETTINGS_TURN_OFF),
                                    Mode::Changing => t(k::LOCK_SETTINGS_SAVE_NEW),
                                    _ => t(k::LOCK_SETTINGS_SAVE),
                                }}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| open(Mode::Showing)>
                                {t(k::LOCK_SETTINGS_CANCEL)}
                            </button>
                        </div>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
