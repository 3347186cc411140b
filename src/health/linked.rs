use leptos::prelude::*;
use pathway_model::health::glossary::{self, Segment};

/// Words from a health record with every glossary term a link to its
/// meaning, which `WordsExplained` shows further down the same page (all
/// on the phone, so it works offline).
#[component]
pub fn LinkedText(text: String) -> impl IntoView {
    glossary::link_terms(&text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => t.to_string().into_any(),
            Segment::Term { text, term } => view! {
                <a class="term" href=format!("#term-{}", term.key)>{text.to_string()}</a>
            }
            .into_any(),
        })
        .collect_view()
}

/// "What the words mean": each glossary term found in `text`, with its
/// meaning. Nothing when there are none.
#[component]
pub fn WordsExplained(text: String) -> impl IntoView {
    let terms = glossary::terms_in(&text);
    (!terms.is_empty()).then(|| {
        view! {
            <section class="card health-words" aria-labelledby="words-heading">
                <h2 id="words-heading">"What the words mean"</h2>
                <dl class="glossary-list">
                    {terms.into_iter().map(|t| view! {
                        <div id=format!("term-{}", t.key) tabindex="-1">
                            <dt>{t.name}</dt>
                            <dd>{t.meaning}</dd>
                        </div>
                    }).collect_view()}
                </dl>
                <p><a href="/health/glossary">"See all the words explained"</a></p>
            </section>
        }
    })
}
