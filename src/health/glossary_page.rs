use leptos::prelude::*;

use super::glossary_terms::{TermMeaning, TermName, Words, search, use_words};
use super::nav::HealthNav;
use crate::i18n::{k, t, tf, tp};
use crate::ui::ReadAloud;
use crate::ui::form::TextField;

/// `/health/glossary`: every word explained, with a search. The words are
/// kept on the phone with the app, so it works with no signal.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let words = use_words();
    let all = Memo::new(move |_| words.get());
    let found = move || match all.get() {
        Words::Here(terms) => Some(query.with(|q| search(terms, q))),
        Words::Reading | Words::NotHere => None,
    };
    view! {
        <HealthNav/>
        <h1>{t(k::GLOSSARY_TITLE)}</h1>
        <p class="health-lead">{t(k::GLOSSARY_LEAD)}</p>
        <div class="glossary-search">
            <TextField id="glossary-search" label=t(k::GLOSSARY_SEARCH_LABEL) kind="search" value=query autocomplete="off"/>
        </div>
        <p class="glossary-count" role="status">
            {move || match (found(), all.get()) {
                (Some(list), _) => tp(k::GLOSSARY_COUNT, list.len() as u32, &[]),
                (None, Words::NotHere) => t(k::GLOSSARY_NOT_HERE).into(),
                (None, _) => t(k::GLOSSARY_READING).into(),
            }}
        </p>
        // Reads the meanings shown: search first to hear one.
        <ReadAloud of="glossary-list"/>
        <dl class="glossary-list" id="glossary-list">
            {move || found().unwrap_or_default().into_iter().map(|term| view! {
                <div id=format!("term-{}", term.key)>
                    <dt><TermName term=term/></dt>
                    {(!term.also.is_empty()).then(|| view! { <dd class="glossary-also">{also_called(term.also)}</dd> })}
                    <dd><TermMeaning term=term/></dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// "Also called: EpiPens, Epi pen": the other ways her records write it,
/// English, kept together in a right-to-left sentence.
fn also_called(also: &[&str]) -> String {
    let names = also.join(", ");
    let names = if crate::i18n::language().right_to_left() { format!("\u{2066}{names}\u{2069}") } else { names };
    tf(k::GLOSSARY_ALSO_CALLED, &[("names", &names)])
}
