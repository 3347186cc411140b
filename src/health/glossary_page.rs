use leptos::prelude::*;
use pathway_model::health::glossary;

use super::nav::HealthNav;
use crate::ui::form::TextField;
use crate::words;

/// `/health/glossary`: every word explained, with a search. All of it is
/// in the app, so it works with no signal.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let found = move || query.with(|q| glossary::search(q));
    view! {
        <HealthNav/>
        <h1>"Words explained"</h1>
        <p class="health-lead">"Words you might find in your health records, in plain English."</p>
        <div class="glossary-search">
            <TextField id="glossary-search" label="Search the words" kind="search" value=query autocomplete="off"/>
        </div>
        <p class="glossary-count" role="status">
            {move || words::count(found().len() as u32, "word", "words")}
        </p>
        <dl class="glossary-list">
            {move || found().into_iter().map(|t| view! {
                <div id=format!("term-{}", t.key)>
                    <dt>{t.name}</dt>
                    {(!t.also.is_empty()).then(|| view! { <dd class="glossary-also">{format!("Also called: {}", t.also.join(", "))}</dd> })}
                    <dd>{t.meaning}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
