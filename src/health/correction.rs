//! Questions about an entry: "What does this mean?" goes to Things to talk
//! about; "Ask for a correction" goes on a professional entry for the PA to
//! answer. Nothing a professional recorded is changed by either.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::Role;
use pathway_model::health::HealthEntry;
use pathway_model::sync::{EntityKind, Fields};
use pathway_model::topic::Topic;
use uuid::Uuid;

use super::form::{Problem, dated_words};
use super::{change_entry, now_millis};
use crate::store::use_sync;

/// The words of the topic: "What does this mean: MMR second dose?".
pub fn question_text(title: &str) -> String {
    format!("What does this mean: {title}?")
        .chars()
        .take(pathway_model::topic::TEXT_MAX)
        .collect()
}

/// The fields of a correction request, or what is wrong with it.
pub fn correction_fields(text: &str, now: i64, current: &Fields) -> Result<Fields, Problem> {
    dated_words(
        Role::YoungPerson,
        "correction",
        text,
        now,
        current,
        "Write what is wrong, and what it should say.",
    )
}

#[component]
pub fn AskWhatItMeans(title: String) -> impl IntoView {
    let sync = use_sync();
    let text = question_text(&title);
    let said = RwSignal::new(None::<&'static str>);
    let ask = move |_| {
        let text = text.clone();
        let already = sync.records.with(|rs| {
            rs.values().any(|r| {
                r.entity == EntityKind::Topic
                    && Topic::from_fields(&r.fields).is_some_and(|t| !t.done && t.text == text)
            })
        });
        if already {
            said.set(Some("It's already in Things to talk about."));
            return;
        }
        spawn_local(async move {
            said.set(Some(match crate::topic::add(text).await {
                Ok(()) => "Added to Things to talk about. You'll find it on Home.",
                Err(e) => e.words(),
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="mean-heading">
            <h2 id="mean-heading">"Not sure what this means?"</h2>
            <p>"Add it to the things you want to talk about with your PA."</p>
            <button type="button" class="button button--secondary" on:click=ask>"What does this mean?"</button>
            <p class="health-said" role="status">{move || said.get()}</p>
        </section>
    }
}

/// A professional entry: ask for it to be corrected, and read the answer.
#[component]
pub fn Correction(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let fields = Memo::new(move |_| {
        sync.records
            .with(|rs| rs.get(&id).map(|r| r.fields.clone()))
    });
    let entry = move || fields.with(|f| f.as_ref().and_then(HealthEntry::from_fields));
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let said = RwSignal::new(None::<&'static str>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(now) = fields.get_untracked() else {
            return;
        };
        match correction_fields(&text.get_untracked(), now_millis(), &now) {
            Err(p) => problem.set(Some(p.words)),
            Ok(change) => {
                problem.set(None);
                spawn_local(async move {
                    match change_entry(id, change).await {
                        Ok(()) => {
                            text.set(String::new());
                            said.set(Some("Sent. Your PA will see your request."));
                        }
                        Err(e) => problem.set(Some(e.words())),
                    }
                });
            }
        }
    };
    let asked = move || {
        entry().and_then(|e| {
            let open = e.correction_open();
            e.correction.map(|c| (c, open, e.correction_reply))
        })
    };
    view! {
        <section class="card" aria-labelledby="correction-heading">
            <h2 id="correction-heading">"Is something wrong?"</h2>
            {move || asked().map(|(c, open, reply)| view! {
                <div class="health-correction">
                    <p class="health-correction__label">"You asked for a correction:"</p>
                    <p class="health-correction__text">{c}</p>
                    {if open {
                        view! { <p class="health-correction__waiting">"Waiting for your PA to answer."</p> }.into_any()
                    } else {
                        view! {
                            <p class="health-correction__label">"Your PA's answer:"</p>
                            <p class="health-correction__text">{reply.unwrap_or_default()}</p>
                        }.into_any()
                    }}
                </div>
            })}
            <p>"You can't change what a professional wrote, but you can ask your PA to correct it."</p>
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="correction">"What is wrong, and what should it say?"</label>
                    <p class="error-message" id="correction-problem">{move || problem.get()}</p>
                    <textarea
                        id="correction"
                        rows="3"
                        aria-describedby="correction-problem"
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            problem.set(None);
                        }
                    ></textarea>
                </div>
                <button type="submit" class="button">"Ask for a correction"</button>
                <p class="health-said" role="status">{move || said.get()}</p>
            </form>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_question_quotes_the_entry() {
        assert_eq!(
            question_text("MMR second dose"),
            "What does this mean: MMR second dose?"
        );
        assert_eq!(
            question_text(&"x".repeat(600)).chars().count(),
            pathway_model::topic::TEXT_MAX
        );
    }

    #[test]
    fn a_correction_is_checked_by_the_models_rules() {
        let pa = json!({"kind": "allergy", "author": "professional", "title": "Penicillin",
                        "recorded_by": "Sam Okafor (PA)", "visibility": "my_pa"});
        let pa = pa.as_object().unwrap();
        let f = correction_fields("  It was amoxicillin ", 1_790_000_000_000, pa).unwrap();
        assert_eq!(f["correction"], json!("It was amoxicillin"));
        assert!(correction_fields(" ", 1_790_000_000_000, pa).is_err());
        assert_eq!(
            correction_fields(&"x".repeat(1001), 1_790_000_000_000, pa)
                .unwrap_err()
                .field,
            "correction"
        );
        let mine = json!({"kind": "note", "author": "me", "title": "Eyes", "recorded_by": "Jade", "visibility": "me_only"});
        assert!(correction_fields("typo", 1_790_000_000_000, mine.as_object().unwrap()).is_err());
    }
}
