//! "Me": who the app thinks you are, the app lock, your account (passphrase,
//! where you're signed in, your copy, closing it) and signing out.

mod account;
mod close;
mod who_looked;

use leptos::prelude::*;
use leptos_router::components::A;

use pathway_model::auth::Role;

use crate::auth::SignOutButton;
use crate::lock::PinSettings;
use crate::state::use_app;
use crate::ui::SampleBadge;

pub use account::{ago_words, new_passphrase_problem, session_words};
pub use who_looked::WhoLookedPage;

#[component]
pub fn MePage() -> impl IntoView {
    let state = use_app();
    let young = Memo::new(move |_| state.me().is_some_and(|me| me.role == Role::YoungPerson));
    view! {
        <h1>"Me"</h1>
        {move || state.me().map(|me| view! {
            <section class="card" aria-labelledby="me-details">
                <h2 id="me-details">"Your details"</h2>
                <dl class="facts">
                    <div><dt>"Name"</dt><dd>{format!("{} {}", me.first_name, me.last_name)}</dd></div>
                    <div><dt>"Username"</dt><dd>{me.username.clone()}</dd></div>
                    <div>
                        <dt>"Council"</dt>
                        <dd>{me.council.name.clone()}" "<SampleBadge sample_data=me.council.sample_data/></dd>
                    </div>
                </dl>
            </section>
        })}
        <Show when=move || young.get()>
            <p class="plan-link"><A href="/me/who-looked">"Who looked at my record"</A></p>
            <PinSettings/>
        </Show>
        <account::ChangePassphrase/>
        <account::Sessions/>
        <Show when=move || young.get()>
            <close::DownloadCopy/>
        </Show>
        <section class="card" aria-labelledby="me-leaving">
            <h2 id="me-leaving">"Leaving Pathway"</h2>
            <p>"Sign out if other people use this phone."</p>
            <p class="hint">"Need to leave fast? Tap Quick exit, or press the Shift key 3 times."</p>
            <SignOutButton/>
        </section>
        <Show when=move || young.get()>
            <close::CloseAccount/>
        </Show>
    }
}
