//! "Me": who the app thinks you are, the app lock, your account (passphrase,
//! where you're signed in, your copy, closing it) and signing out.

mod account;
mod close;
mod language;
mod who_looked;

use leptos::prelude::*;

use pathway_model::auth::Role;

use crate::auth::SignOutButton;
use crate::i18n::{k, t};
use crate::lock::PinSettings;
use crate::router::A;
use crate::state::use_app;
use crate::ui::SampleBadge;

pub use account::{ago_words, new_passphrase_problem, session_words};
pub use who_looked::WhoLookedPage;

#[component]
pub fn MePage() -> impl IntoView {
    let state = use_app();
    let young = Memo::new(move |_| state.me().is_some_and(|me| me.role == Role::YoungPerson));
    view! {
        <h1>{t(k::ME_TITLE)}</h1>
        {move || state.me().map(|me| view! {
            <section class="card" aria-labelledby="me-details">
                <h2 id="me-details">{t(k::ME_DETAILS_HEADING)}</h2>
                <dl class="facts">
                    <div><dt>{t(k::ME_DETAILS_NAME)}</dt><dd>{format!("{} {}", me.first_name, me.last_name)}</dd></div>
                    <div><dt>{t(k::ME_DETAILS_USERNAME)}</dt><dd>{me.username.clone()}</dd></div>
                    <div>
                        <dt>{t(k::ME_DETAILS_COUNCIL)}</dt>
                        <dd>{me.council.name.clone()}" "<SampleBadge sample_data=me.council.sample_data/></dd>
                    </div>
                </dl>
            </section>
        })}
        <Show when=move || young.get()>
            <p class="plan-link"><A href="/me/who-looked">{t(k::ME_WHO_LOOKED_TITLE)}</A></p>
            <PinSettings/>
        </Show>
        <language::LanguageChoice/>
        <account::ChangePassphrase/>
        <account::Sessions/>
        <Show when=move || young.get()>
            <close::DownloadCopy/>
        </Show>
        <section class="card" aria-labelledby="me-leaving">
            <h2 id="me-leaving">{t(k::ME_LEAVING_HEADING)}</h2>
            <p>{t(k::ME_LEAVING_SIGN_OUT_HINT)}</p>
            <p class="hint">{t(k::ME_LEAVING_QUICK_EXIT_HINT)}</p>
            <SignOutButton/>
        </section>
        <Show when=move || young.get()>
            <close::CloseAccount/>
        </Show>
    }
}
