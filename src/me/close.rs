//! A young person's own copy of everything Pathway keeps about her, and
//! closing her account (issue 13).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, account::EXPORT_JSON, account::EXPORT_PAGE};
use crate::auth::{WhyLogin, wipe_this_phone};
use crate::i18n::{k, t};
use crate::state::use_app;
use crate::ui::form::TextField;

use super::account::refused_words;

#[component]
pub fn DownloadCopy() -> impl IntoView {
    // rel="external": the router leaves these to the browser.
    view! {
        <section class="card" aria-labelledby="me-copy">
            <h2 id="me-copy">{t(k::ME_COPY_HEADING)}</h2>
            <p>{t(k::ME_COPY_INTRO)}</p>
            <ul>
                <li><a href=EXPORT_PAGE rel="external">{t(k::ME_COPY_PAGE_LINK)}</a></li>
                <li><a href=EXPORT_JSON rel="external" download="">{t(k::ME_COPY_FILE_LINK)}</a></li>
            </ul>
        </section>
    }
}

#[component]
pub fn CloseAccount() -> impl IntoView {
    let state = use_app();
    let asking = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = passphrase.get_untracked();
        if busy.get_untracked() {
            return;
        }
        if typed.is_empty() {
            error.set(Some(t(k::ME_CLOSE_ENTER_PASSPHRASE).to_string()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::account::close_account(typed).await {
                Ok(()) => wipe_this_phone(state, WhyLogin::Closed).await,
                Err(e) => {
                    busy.set(false);
                    passphrase.set(String::new());
                    state.note_error(&e);
                    error.set(Some(refused_words(&e, t(k::ME_CLOSE_WRONG_PASSPHRASE))));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="me-close">
            <h2 id="me-close">{t(k::ME_CLOSE_HEADING)}</h2>
            <p>{t(k::ME_CLOSE_IF_YOU_CLOSE)}</p>
            <ul>
                <li>{t(k::ME_CLOSE_NO_SIGN_IN)}</li>
                <li>{t(k::ME_CLOSE_PHONE_EMPTIED)}</li>
                <li>{t(k::ME_CLOSE_COUNCIL_KEEPS)}</li>
            </ul>
            <p>{t(k::ME_CLOSE_BEFORE)}</p>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>
                        {t(k::ME_CLOSE_START)}
                    </button>
                }
            >
                <div class="error-summary" role="alert">
                    {move || error.get().map(|e| view! { <p class="error-message">{e}</p> })}
                </div>
                <form class="form" on:submit=on_submit novalidate=true>
                    <TextField id="close-pass" label=t(k::ME_CLOSE_PASSPHRASE_LABEL) kind="password"
                        autocomplete="current-password" max=pathway_model::auth::PASSPHRASE_MAX value=passphrase/>
                    <div class="account-actions">
                        <button type="submit" class="button" disabled=move || busy.get()>
                            {t(k::ME_CLOSE_CONFIRM)}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            asking.set(false);
                            error.set(None);
                            passphrase.set(String::new());
                        }>{t(k::ME_CLOSE_CANCEL)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
