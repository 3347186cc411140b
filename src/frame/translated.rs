//! The line every screen shows in a language a computer translated
//! (issue 17): it says so, and English is one tap away.

use leptos::prelude::*;
use pathway_model::catalogue::Language;

use crate::i18n::{self, k, t};

#[component]
pub fn MachineTranslated() -> impl IntoView {
    i18n::language().machine_translated().then(|| {
        view! {
            <div class="banner banner--translated">
                <p>{t(k::LANGUAGE_MACHINE_TRANSLATED)}</p>
                <button
                    type="button"
                    class="button button--small button--secondary"
                    on:click=|_| i18n::set_language(Language::English)
                >
                    {t(k::LANGUAGE_SWITCH_TO_ENGLISH)}
                </button>
            </div>
        }
    })
}
