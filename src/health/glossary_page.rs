use leptos::prelude::*;
use pathway_model::health::glossary;

use super::glossary_terms::{Words, use_words};
use super::nav::HealthNav;
use crate::ui::form::TextField;
use crate::words;

/// `/health/glossary`: every word explained, with a search. The words are
/// kept on the phone with the app, so it works with no signal.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let words = use_words();
    let all = Memo::new(move |_| words.get());
    let found = move || match all.get() {
        Words::Here(terms) => Some(query.with(|q| glossary::search(terms, q))),
        Words::Reading | Words::NotHere => None,
    };
    view! {
        <HealthNav/>
        <h1>"Words explained"</h1>
        <p class="health-lead">"Words you might find in your health records, in plain English."</p>
        <div class="glossary-search">
            <TextField id="glossary-search" label="Search the words" kind="search" value=query autocomplete="off"/>
        </div>
        <p class="glossary-count" role="status">
            {move || match (found(), all.get()) {
                (Some(list), _) => words::count(list.len() as u32, "word", "words"),
                (None, Words::NotHere) => "The words aren't on this phone yet. They come next time you're online.".into(),
                (None, _) => "Getting the words…".into(),
            }}
        </p>
        <dl class="glossary-list">
            {move || found().unwrap_or_default().into_iter().map(|t| view! {
                <div id=format!("term-{}", t.key)>
                    <dt>{t.name}</dt>
                    {(!t.also.is_empty()).then(|| view! { <dd class="glossary-also">{format!("Also called: {}", t.also.join(", "))}</dd> })}
                    <dd>{t.meaning}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
