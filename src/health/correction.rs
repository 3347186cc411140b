//! Questions about an entry: "What does this mean?" goes to Things to talk
//! about; "Ask for a correction" goes on a professional entry for the PA to
//! answer. Nothing a professional recorded is changed by either.

use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::health::HealthEntry;
use pathway_model::health::entry::HealthEntryChange;
use pathway_model::sync::{EntityKind, Fields};
use pathway_model::topic::{Topic, TopicChange};
use uuid::Uuid;

use super::forget_on_typing;
use super::form::{checked, written};
use crate::clock::now_ms;
use crate::i18n::{k, t, tf};
use crate::store::{Save, use_sync};
use crate::ui::form::TextArea;

/// The words of the topic: "What does this mean: MMR second dose?".
pub fn question_text(title: &str) -> String {
    tf(k::HEALTH_MEAN_TOPIC, &[("title", title)]).chars().take(pathway_model::topic::TEXT_MAX).collect()
}

/// The fields of a correction request, or what is wrong with it.
pub fn correction_fields(text: &str, now: i64, current: &Fields) -> Result<Fields, &'static str> {
    let text = written(text, t(k::HEALTH_CORRECTION_EMPTY))?;
    let change = HealthEntryChange {
        correction: Some(Some(text)),
        correction_at: Some(Some(now)),
        ..HealthEntryChange::default()
    };
    checked(Role::YoungPerson, change, current)
}

#[component]
pub fn AskWhatItMeans(title: String) -> impl IntoView {
    let sync = use_sync();
    let text = question_text(&title);
    let save = Save::new();
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
            said.set(Some(t(k::HEALTH_MEAN_ALREADY)));
            return;
        }
        said.set(None);
        // A new topic, as "Things to talk about" makes one.
        let topic = TopicChange { text: Some(text), done: Some(false), ..TopicChange::default() };
        save.put(Ok(topic.into_fields()), TopicChange::KIND, Uuid::now_v7(), move || {
            said.try_set(Some(t(k::HEALTH_MEAN_ADDED)));
        });
    };
    view! {
        <section class="card" aria-labelledby="mean-heading">
            <h2 id="mean-heading">{t(k::HEALTH_MEAN_HEADING)}</h2>
            <p>{t(k::HEALTH_MEAN_LEAD)}</p>
            <button type="button" class="button button--secondary" on:click=ask>{t(k::HEALTH_MEAN_ASK)}</button>
            <p class="health-said" role="status">{move || save.problem().or_else(|| said.get())}</p>
        </section>
    }
}

/// A professional entry: ask for it to be corrected, and read the answer.
#[component]
pub fn Correction(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let fields = Memo::new(move |_| sync.records.with(|rs| rs.get(&id).map(|r| r.fields.clone())));
    let entry = move || fields.with(|f| f.as_ref().and_then(HealthEntry::from_fields));
    let text = RwSignal::new(String::new());
    let save = Save::new();
    let said = RwSignal::new(None::<&'static str>);
    forget_on_typing(text, save, Some(said));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(now) = fields.get_untracked() else {
            return;
        };
        said.set(None);
        let checked = correction_fields(&text.get_untracked(), now_ms(), &now);
        save.put(checked, HealthEntryChange::KIND, id, move || {
            text.try_set(String::new());
            said.try_set(Some(t(k::HEALTH_CORRECTION_SENT)));
        });
    };
    let asked = move || {
        entry().and_then(|e| {
            let open = e.correction_open();
            e.correction.map(|c| (c, open, e.correction_reply))
        })
    };
    view! {
        <section class="card" aria-labelledby="correction-heading">
            <h2 id="correction-heading">{t(k::HEALTH_CORRECTION_HEADING)}</h2>
            {move || asked().map(|(c, open, reply)| view! {
                <div class="health-correction">
                    <p class="health-correction__label">{t(k::HEALTH_CORRECTION_YOU_ASKED)}</p>
                    <p class="health-correction__text">{c}</p>
                    {if open {
                        view! { <p class="health-correction__waiting">{t(k::HEALTH_CORRECTION_WAITING)}</p> }.into_any()
                    } else {
                        view! {
                            <p class="health-correction__label">{t(k::HEALTH_CORRECTION_ANSWER)}</p>
                            <p class="health-correction__text">{reply.unwrap_or_default()}</p>
                        }.into_any()
                    }}
                </div>
            })}
            <p>{t(k::HEALTH_CORRECTION_LEAD)}</p>
            <form on:submit=on_submit novalidate>
                <TextArea
                    id="correction"
                    label=t(k::HEALTH_CORRECTION_LABEL)
                    value=text
                    problem=Signal::derive(move || save.problem())
                    rows=3
                />
                <button type="submit" class="button" disabled=move || save.saving()>
                    {t(k::HEALTH_CORRECTION_SEND)}
                </button>
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
        assert_eq!(question_text("MMR second dose"), "What does this mean: MMR second dose?");
        assert_eq!(question_text(&"x".repeat(600)).chars().count(), pathway_model::topic::TEXT_MAX);
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
            correction_fields(&"x".repeat(1001), 1_790_000_000_000, pa),
            Err("Keep this to 1,000 letters and spaces or fewer.")
        );
        let mine =
            json!({"kind": "note", "author": "me", "title": "Eyes", "recorded_by": "Jade", "visibility": "me_only"});
        assert!(correction_fields("typo", 1_790_000_000_000, mine.as_object().unwrap()).is_err());
    }
}
