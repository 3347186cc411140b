//! The offer editor (staff build, managers, issue 16): a manager keeps
//! their council's local offer current. The draft is edited item by item
//! or filled from an ORUK file, previewed as a young person would see it,
//! and published all at once; every publish is kept in a history.
//!
//! - `list_page`: `/council/offer`, the draft with each item's state, and
//!   the actions on the whole offer (publish, throw away, upload, download).
//! - `item_page` (+ `item_form`, pure): `/council/offer/new` and
//!   `/council/offer/item/:id`, every field of one item.
//! - `preview_page`: `/council/offer/preview`, as a young person would see it.
//! - `history_page`: `/council/offer/history`.
//! - `upload`: an ORUK file read in the browser, and what it would change.

mod history_page;
mod item_form;
mod item_page;
mod list_page;
mod preview_page;
mod upload;

use leptos::prelude::*;
use pathway_model::offer::editor::ChangeSummary;

use crate::api::offer_editor::Refused;
use crate::i18n::{k, t};

/// The page for `path` when it is one of the editor's, under
/// `/council/offer`. The app's route table has no entry for them: the staff
/// build's fallback (src/app.rs) asks here first.
pub fn editor_page(path: &str) -> Option<AnyView> {
    let rest = path.strip_prefix("/council/offer")?;
    Some(match rest.trim_matches('/') {
        "" => view! { <list_page::OfferEditorPage/> }.into_any(),
        "new" => view! { <item_page::ItemPage id=None/> }.into_any(),
        "preview" => view! { <preview_page::PreviewPage/> }.into_any(),
        "history" => view! { <history_page::HistoryPage/> }.into_any(),
        other => {
            let id = other.strip_prefix("item/").filter(|id| !id.contains('/'))?;
            view! { <item_page::ItemPage id=Some(id.to_string())/> }.into_any()
        }
    })
}

/// "2 added, 1 changed, 1 retired", or "no changes".
pub fn change_count(c: &ChangeSummary) -> String {
    let mut parts = Vec::new();
    for (n, what) in [(c.added.len(), "added"), (c.changed.len(), "changed"), (c.retired.len(), "retired")] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    if parts.is_empty() { "no changes".into() } else { parts.join(", ") }
}

/// Plain words for a refused upload or publish, one line per problem.
pub fn refused_words(r: &Refused) -> Vec<String> {
    match r {
        Refused::Problems(issues) => issues
            .iter()
            .map(|i| format!("Item {}, {}: {}", i.index + 1, i.field.replace('_', " "), i.problem))
            .collect(),
        Refused::Failed(e) if e.is_unreachable() => vec![t(k::UI_LOAD_OFFLINE_NOT_SENT).to_string()],
        Refused::Failed(e) if e.code() == Some(pathway_model::ErrorCode::PayloadTooLarge) => {
            vec!["That file is too big. An offer file can be up to 2 MB.".to_string()]
        }
        Refused::Failed(e) if e.code() == Some(pathway_model::ErrorCode::Conflict) => {
            vec!["There is nothing to publish: nothing has been changed.".to_string()]
        }
        Refused::Failed(_) => vec!["That didn't work. Try again in a minute.".to_string()],
    }
}

/// What a publish or an upload changed, listed by item.
#[component]
pub fn ChangeList(summary: ChangeSummary) -> impl IntoView {
    let line = |title: String, what: String| view! { <li><strong>{title}</strong>": "{what}</li> };
    let mut lines = Vec::new();
    lines.extend(summary.added.iter().map(|t| line(t.clone(), "new".into())));
    lines.extend(summary.changed.iter().map(|c| {
        let what: Vec<&str> = c.fields.iter().map(|f| f.label()).collect();
        line(c.title.clone(), format!("changed {}", what.join(", ")))
    }));
    lines.extend(summary.retired.iter().map(|t| line(t.clone(), "retired".into())));
    view! { <ul class="change-list">{lines}</ul> }
}
