//! `/council/offer/history`: every change published to the council's
//! offer, newest first: when, who, which item, what changed.

use leptos::prelude::*;
use pathway_model::offer::editor::{HistoryChange, HistoryEntry};

use crate::api::offer_editor;
use crate::router::A;
use crate::ui::{Loaded, load};

/// "2026-12-01T10:04:00Z" as "1 December 2026, 10:04" (UTC, as stored).
fn when(at: &str) -> String {
    let (day, time) = at.split_once('T').unwrap_or((at, ""));
    let date = pathway_model::date::parse(day).map(crate::words::readable_date).unwrap_or_else(|| day.to_string());
    match time.get(..5) {
        Some(hm) => format!("{date}, {hm}"),
        None => date,
    }
}

fn what(h: &HistoryEntry) -> String {
    match h.change {
        HistoryChange::Added => "Added".into(),
        HistoryChange::Retired => "Retired".into(),
        HistoryChange::Changed => {
            let fields: Vec<&str> = h.fields.iter().map(|f| f.label()).collect();
            format!("Changed {}", fields.join(", "))
        }
    }
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let history = load(offer_editor::history, None);
    view! {
        <p class="back"><A href="/council/offer">"Back to the offer"</A></p>
        <h1>"History of changes"</h1>
        <p>"Every change published to your council's offer, newest first. Times are in UTC, which is UK time in winter."</p>
        <Loaded remote=history what="the history" let:lines>
            <div class="staff-wide">
            {if lines.is_empty() {
                view! { <p>"Nothing has been published yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="plain-list offer-history">
                        {lines.into_iter().map(|h| view! {
                            <li class="offer-history__line">
                                <p class="offer-history__what"><strong>{h.title.clone()}</strong>": "{what(&h)}</p>
                                <p class="offer-history__when">{format!("{} by {}", when(&h.at), h.by)}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            </div>
        </Loaded>
    }
}
