//! Choosing the language of Pathway's words on Me (issue 17). The sign-in
//! page has the same choice (public/login.js). Each language is listed in
//! its own words, so someone who cannot read the current one still finds
//! theirs. The choice is kept on the phone at once and, when online, with
//! the account, so her next phone starts in it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::catalogue::Language;

use crate::api;
use crate::i18n::{self, k, t};

#[component]
pub fn LanguageChoice() -> impl IntoView {
    let now = i18n::language();
    let choose = move |language: Language| {
        if language == now {
            return;
        }
        spawn_local(async move {
            // Best effort: offline, the phone's copy is enough, and the
            // account learns it at the next sign-in (auth::check).
            if let Err(e) = api::account::set_language(language).await {
                leptos::logging::warn!("language not kept with the account: {e}");
            }
            i18n::set_language(language);
        });
    };
    view! {
        <section class="card" aria-labelledby="language-heading">
            <h2 id="language-heading">{t(k::LANGUAGE_CHOOSE_HEADING)}</h2>
            <p class="hint" id="language-hint">{t(k::LANGUAGE_CHOOSE_HINT)}</p>
            <fieldset class="radios" aria-labelledby="language-heading" aria-describedby="language-hint">
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        let id = format!("language-{}", language.file_stem());
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    name="language"
                                    id=id.clone()
                                    checked=language == now
                                    on:change=move |_| choose(language)
                                />
                                <label for=id lang=language.code()>{language.own_name()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <p class="hint">{t(k::LANGUAGE_CHOOSE_SAVED_ON_PHONE)}</p>
        </section>
    }
}
