use leptos::prelude::*;
use pathway_model::health::glossary::{self, Segment};

use super::glossary_terms::{TermMeaning, TermName, Words, use_words};
use crate::i18n::{k, t};

/// Words from a health record with every glossary term a link to its
/// meaning, which `WordsExplained` shows further down the same page (all
/// on the phone, so it works offline). Plain text until the glossary is read.
#[component]
pub fn LinkedText(text: String) -> impl IntoView {
    let words = use_words();
    move || match words.get() {
        Words::Here(terms) => glossary::link_terms(terms, &text)
            .into_iter()
            .map(|segment| match segment {
                Segment::Text(piece) => piece.to_string().into_any(),
                Segment::Term { text, term } => view! {
                    <a class="term" href=format!("#term-{}", term.key)>{text.to_string()}</a>
                }
                .into_any(),
            })
            .collect_view()
            .into_any(),
        Words::Reading | Words::NotHere => text.clone().into_any(),
    }
}

/// "What the words mean": each glossary term found in `text`, with its
/// meaning. Nothing when there are none (or the glossary isn't read yet).
#[component]
pub fn WordsExplained(text: String) -> impl IntoView {
    let words = use_words();
    move || {
        let Words::Here(all) = words.get() else { return None };
        let terms = glossary::terms_in(all, &text);
        (!terms.is_empty()).then(|| {
            view! {
                <section class="card health-words" aria-labelledby="words-heading">
                    <h2 id="words-heading">{t(k::HEALTH_WORDS_HEADING)}</h2>
                    <dl class="glossary-list">
                        {terms.into_iter().map(|term| view! {
                            <div id=format!("term-{}", term.key) tabindex="-1">
                                <dt><TermName term=term/></dt>
                                <dd><TermMeaning term=term/></dd>
                            </div>
                        }).collect_view()}
                    </dl>
                    <p><a href="/health/glossary">{t(k::HEALTH_WORDS_SEE_ALL)}</a></p>
                </section>
            }
        })
    }
}
