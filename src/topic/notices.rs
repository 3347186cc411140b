use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::sync::replica::{PendingConflict, RejectedChange};
use pathway_model::sync::{Fields, Op};
use uuid::Uuid;

use crate::i18n::{k, t, tf};
use crate::store::engine;
use crate::store::use_sync;

/// Fields of other kinds that hold a person's own words, shown as they are,
/// so a conflict or a refused change on a health entry or a plan says what
/// was written and not nothing.
const WORDS_FIELDS: &[&str] = &[
    "title",
    "details",
    "my_note",
    "correction",
    "correction_reply",
    "goals",
    "next_steps",
    "who",
    "reply",
    "reason",
    "answer",
    "message",
    "note",
];

/// Describes some of a record's fields in words: a topic's text or what a
/// tick means, or the words written in any other kind.
pub fn describe(fields: &Fields, only: &[String]) -> String {
    let wanted = |k: &str| only.is_empty() || only.iter().any(|o| o == k);
    let mut parts = Vec::new();
    if wanted("text")
        && let Some(t) = fields.get("text").and_then(|v| v.as_str())
    {
        parts.push(t.to_string());
    }
    if wanted("done")
        && let Some(d) = fields.get("done").and_then(|v| v.as_bool())
    {
        parts.push(t(if d { k::TOPIC_DESCRIBE_DONE } else { k::TOPIC_DESCRIBE_NOT_DONE }).to_string());
    }
    if wanted("talked_about")
        && let Some(d) = fields.get("talked_about").and_then(|v| v.as_bool())
    {
        parts.push(t(if d { k::TOPIC_DESCRIBE_TALKED_ABOUT } else { k::TOPIC_DESCRIBE_NOT_TALKED_ABOUT }).to_string());
    }
    for key in WORDS_FIELDS {
        if wanted(key)
            && let Some(t) = fields.get(*key).and_then(|v| v.as_str()).filter(|t| !t.trim().is_empty())
        {
            parts.push(t.to_string());
        }
    }
    parts.join(". ")
}

/// What I wrote, in words.
pub fn mine_in_words(c: &PendingConflict) -> String {
    match c.mine.op {
        Op::Delete => t(k::TOPIC_CONFLICT_YOU_DELETED).to_string(),
        Op::Put => describe(&c.mine.payload, &c.fields),
    }
}

/// What the server has now, in words.
pub fn theirs_in_words(c: &PendingConflict) -> String {
    if c.deleted { t(k::TOPIC_CONFLICT_DELETED_ELSEWHERE).to_string() } else { describe(&c.theirs.fields, &c.fields) }
}

/// Conflicts and refused changes for the topics on this page, so nothing a
/// person wrote disappears without them being told. `owner`: only those
/// about this young person's topics (a PA's page); `None`: all. Refused
/// changes show everywhere: they carry no owner, and there are few.
#[component]
pub fn SyncNotices(owner: Option<Uuid>) -> impl IntoView {
    let sync = use_sync();
    let conflicts = move || {
        sync.conflicts
            .with(|cs| cs.iter().filter(|c| owner.is_none_or(|o| c.theirs.owner_id == o)).cloned().collect::<Vec<_>>())
    };
    view! {
        <For each=conflicts key=|c| c.mine.mutation_id let:c>
            <ConflictCard conflict=c/>
        </For>
        <For each=move || sync.rejected.get() key=|r| r.mutation.mutation_id let:r>
            <RejectedNotice rejected=r/>
        </For>
    }
}

#[component]
fn ConflictCard(conflict: PendingConflict) -> impl IntoView {
    let id = conflict.mine.mutation_id;
    let heading_id = format!("conflict-{id}");
    let labelled_by = heading_id.clone();
    let problem = RwSignal::new(None::<&'static str>);
    let mine = mine_in_words(&conflict);
    let theirs = theirs_in_words(&conflict);
    let choose = move |keep_mine: bool| {
        spawn_local(async move {
            let result = engine::settle(move |r| {
                if keep_mine {
                    r.keep_mine(id);
                } else {
                    r.keep_theirs(id);
                }
            })
            .await;
            if let Err(e) = result {
                problem.set(Some(e.words()));
            }
        });
    };
    view! {
        <section class="conflict" aria-labelledby=labelled_by>
            <h3 id=heading_id>{t(k::TOPIC_CONFLICT_HEADING)}</h3>
            <p>{t(k::TOPIC_CONFLICT_CHOOSE)}</p>
            <dl class="conflict__both">
                <div><dt>{t(k::TOPIC_CONFLICT_MINE)}</dt><dd class="conflict__words">{mine}</dd></div>
                <div><dt>{t(k::TOPIC_CONFLICT_THEIRS)}</dt><dd class="conflict__words">{theirs}</dd></div>
            </dl>
            <p class="error-message">{move || problem.get()}</p>
            <div class="conflict__actions">
                <button type="button" class="button button--small" on:click=move |_| choose(true)>{t(k::TOPIC_CONFLICT_KEEP_MINE)}</button>
                <button type="button" class="button button--small button--secondary" on:click=move |_| choose(false)>
                    {t(k::TOPIC_CONFLICT_KEEP_THEIRS)}
                </button>
            </div>
        </section>
    }
}

#[component]
fn RejectedNotice(rejected: RejectedChange) -> impl IntoView {
    let id = rejected.mutation.mutation_id;
    let words = describe(&rejected.mutation.payload, &[]);
    let dismiss = move |_| {
        spawn_local(async move {
            let _ = engine::settle(move |r| r.dismiss_rejected(id)).await;
        });
    };
    view! {
        <div class="notice rejected">
            <p>
                <strong>{t(k::TOPIC_REJECTED_HEADING)}</strong>
                " "{tf(k::TOPIC_REJECTED_REASON, &[("reason", &rejected.reason)])}
            </p>
            {(!words.is_empty()).then(|| view! {
                <p>{t(k::TOPIC_REJECTED_WHAT_YOU_WROTE)}" "<span class="conflict__words">{words}</span></p>
            })}
            <button type="button" class="button button--small button--secondary" on:click=dismiss>
                {t(k::TOPIC_REJECTED_DISMISS)}
            </button>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn conflicting_fields_are_described_in_words() {
        let f = json!({"text": "Bus pass", "done": true}).as_object().unwrap().clone();
        assert_eq!(describe(&f, &["text".into()]), "Bus pass");
        assert_eq!(describe(&f, &["done".into()]), "Ticked off as done");
        assert_eq!(describe(&f, &[]), "Bus pass. Ticked off as done");
    }

    #[test]
    fn a_refused_health_or_plan_change_still_says_what_was_written() {
        let f = json!({"title": "Penicillin", "visibility": "my_pa", "my_note": "Rash as a baby"})
            .as_object()
            .unwrap()
            .clone();
        assert_eq!(describe(&f, &[]), "Penicillin. Rash as a baby");
        let f = json!({"area": "home", "goals": "Move to a flat"}).as_object().unwrap().clone();
        assert_eq!(describe(&f, &["goals".into()]), "Move to a flat");
    }
}
