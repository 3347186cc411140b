//! A young person's own copy of everything Pathway keeps about her, and
//! closing her account (issue 13).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, account::EXPORT_JSON, account::EXPORT_PAGE};
use crate::auth::{WhyLogin, wipe_this_phone};
use crate::state::use_app;
use crate::ui::form::TextField;

use super::account::refused_words;

#[component]
pub fn DownloadCopy() -> impl IntoView {
    // rel="external": the router leaves these to the browser.
    view! {
        <section class="card" aria-labelledby="me-copy">
            <h2 id="me-copy">"Download my copy"</h2>
            <p>"Everything Pathway keeps about you, to keep for yourself or show someone."</p>
            <ul>
                <li><a href=EXPORT_PAGE rel="external">"A page to print or save as a PDF"</a></li>
                <li><a href=EXPORT_JSON rel="external" download="">"A file for other apps (JSON)"</a></li>
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
            error.set(Some("Enter your passphrase.".to_string()));
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
                    error.set(Some(refused_words(&e, "That is not your passphrase. Try again.")));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="me-close">
            <h2 id="me-close">"Close my account"</h2>
            <p>"If you close your account:"</p>
            <ul>
                <li>"you can't sign in to Pathway any more"</li>
                <li>"Pathway removes everything it keeps on this phone"</li>
                <li>"your PA and your council keep what the law says they must keep"</li>
            </ul>
            <p>"Download your copy first if you want to keep it. To use Pathway again later, ask your PA."</p>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>
                        "Close my account"
                    </button>
                }
            >
                <div class="error-summary" role="alert">
                    {move || error.get().map(|e| view! { <p class="error-message">{e}</p> })}
                </div>
                <form class="form" on:submit=on_submit novalidate=true>
                    <TextField id="close-pass" label="Type your passphrase to close your account" kind="password"
                        autocomplete="current-password" max=pathway_model::auth::PASSPHRASE_MAX value=passphrase/>
                    <div class="account-actions">
                        <button type="submit" class="button" disabled=move || busy.get()>
                            "Yes, close my account"
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            asking.set(false);
                            error.set(None);
                            passphrase.set(String::new());
                        }>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
