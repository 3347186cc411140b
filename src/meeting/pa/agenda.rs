//! The meeting's agenda, built from the PA's synced copy of her records:
//! her Things to talk about, the offer items she asked about, requests
//! waiting for an answer, her plan's areas with their dates, and her
//! review. Pure, so what goes on the agenda is tested natively.

use chrono::NaiveDate;
use pathway_model::entitlement::{Entitlement, TrackerStatus};
use pathway_model::health::entry::HealthEntry;
use pathway_model::people::keep_in_touch::ContactRequest;
use pathway_model::plan::{PlanArea, PlanReview, PlanSection};
use pathway_model::record::{EntityKind, Fields};
use pathway_model::topic::Topic;
use uuid::Uuid;

use crate::words::readable_date;

/// Where an item came from; the page shows one heading per group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Topics,
    Offer,
    Requests,
    Plan,
    Review,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Topics, Group::Offer, Group::Requests, Group::Plan, Group::Review];

    pub fn heading(self, first_name: &str) -> String {
        match self {
            Group::Topics => format!("Things {first_name} wants to talk about"),
            Group::Offer => format!("Help {first_name} asked about"),
            Group::Requests => "Requests waiting for an answer".into(),
            Group::Plan => format!("{first_name}'s plan"),
            Group::Review => format!("{first_name}'s review"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Unique on the page: the record's id, for element ids.
    pub key: Uuid,
    pub group: Group,
    /// Short: it names the tick box and the notes box.
    pub title: String,
    pub detail: Option<String>,
    /// A topic of hers: ticking it marks it "talked about" at the end.
    pub topic: Option<Uuid>,
}

/// One of her records, as the agenda reads it.
pub struct Source<'a> {
    pub kind: EntityKind,
    pub id: Uuid,
    pub fields: &'a Fields,
}

const TITLE_MAX: usize = 80;

/// The first line of `text`, cut to a label's length.
fn short(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("").trim();
    if line.chars().count() <= TITLE_MAX {
        return line.to_string();
    }
    let cut: String = line.chars().take(TITLE_MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

fn date_words(s: Option<&str>) -> Option<String> {
    s.and_then(pathway_model::date::parse).map(readable_date)
}

/// The agenda, in the order the page shows it. `offer_title` names an
/// offer item from the PA's copy of the offer (council id, item id).
pub fn build(records: &[Source], offer_title: impl Fn(&str, &str) -> Option<String>, today: NaiveDate) -> Vec<Item> {
    let mut items = Vec::new();
    let of = |kind: EntityKind| records.iter().filter(move |r| r.kind == kind);
    let item = |key, group, title: String, detail: Option<String>| Item { key, group, title, detail, topic: None };

    for r in of(EntityKind::Topic) {
        let Some(t) = Topic::from_fields(r.fields) else { continue };
        if !t.done && !t.talked_about && !t.text.trim().is_empty() {
            let detail = (t.text.trim() != short(&t.text)).then(|| t.text.trim().to_string());
            items.push(Item { topic: Some(r.id), ..item(r.id, Group::Topics, short(&t.text), detail) });
        }
    }
    for r in of(EntityKind::Entitlement) {
        let Some(e) = Entitlement::from_fields(r.fields) else { continue };
        if e.status == TrackerStatus::Asked {
            let title = offer_title(&e.council_id, &e.item_id).unwrap_or_else(|| e.item_id.clone());
            let when = date_words(e.date.as_deref()).map(|d| format!("Asked on {d}"));
            let detail = match (when, e.note) {
                (Some(w), Some(n)) => Some(format!("{w}: {n}")),
                (w, n) => w.or(n),
            };
            items.push(item(r.id, Group::Offer, short(&title), detail));
        }
    }
    for r in of(EntityKind::ContactRequest) {
        let Some(c) = ContactRequest::from_fields(r.fields) else { continue };
        if c.status.as_deref() != Some("done") {
            let detail = c.message.clone().or_else(|| c.best_time.as_ref().map(|b| format!("Best time: {b}")));
            items.push(item(r.id, Group::Requests, c.kind.label().to_string(), detail));
        }
    }
    for r in of(EntityKind::HealthEntry) {
        let Some(h) = HealthEntry::from_fields(r.fields) else { continue };
        if h.correction_open() {
            let title = short(&format!("Correction to {}", h.title));
            items.push(item(r.id, Group::Requests, title, h.correction.clone()));
        }
    }
    let sections: Vec<(Uuid, PlanSection)> =
        of(EntityKind::PlanSection).filter_map(|r| PlanSection::from_fields(r.fields).map(|s| (r.id, s))).collect();
    for area in PlanArea::ALL {
        for (id, s) in sections.iter().filter(|(_, s)| s.area == area) {
            let by = date_words(s.by_when.as_deref()).map(|d| format!("By {d}"));
            let what = s.next_steps.clone().or_else(|| s.goals.clone());
            if by.is_none() && what.is_none() {
                continue;
            }
            let detail = match (by, what) {
                (Some(b), Some(w)) => format!("{b}: {w}"),
                (b, w) => b.or(w).unwrap_or_default(),
            };
            items.push(item(*id, Group::Plan, area.title().to_string(), Some(detail)));
        }
    }
    for r in of(EntityKind::PlanReview) {
        let Some(rv) = PlanReview::from_fields(r.fields) else { continue };
        let detail = if rv.request_open() {
            Some(match rv.reason.as_deref() {
                Some(why) => format!("Asked for a review: {why}"),
                None => "Asked for a review".to_string(),
            })
        } else {
            rv.next_review.as_deref().and_then(pathway_model::date::parse).map(|d| {
                let word = if d < today { "Was due" } else { "Due" };
                format!("{word} {}", readable_date(d))
            })
        };
        if let Some(detail) = detail {
            items.push(item(r.id, Group::Review, "Plan review".into(), Some(detail)));
        }
    }
    items
}

/// One line of the contact record's `discussed`: "Money: notes".
pub fn discussed_line(title: &str, note: &str) -> String {
    let note = note.trim();
    if note.is_empty() { title.to_string() } else { format!("{title}: {note}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn f(v: serde_json::Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn agenda(records: &[(EntityKind, u128, Fields)]) -> Vec<Item> {
        let sources: Vec<Source> =
            records.iter().map(|(kind, n, fields)| Source { kind: *kind, id: id(*n), fields }).collect();
        build(&sources, |_, item| (item == "laptop").then(|| "A laptop and data".to_string()), today())
    }

    #[test]
    fn her_open_topics_come_first_and_done_or_talked_about_ones_stay_off() {
        let items = agenda(&[
            (
                EntityKind::PlanSection,
                9,
                f(json!({"area": "money", "by_when": "2027-01-31", "next_steps": "Open a bank account"})),
            ),
            (EntityKind::Topic, 1, f(json!({"text": "Can I get help with my rent?"}))),
            (EntityKind::Topic, 2, f(json!({"text": "Driving lessons", "done": true}))),
            (EntityKind::Topic, 3, f(json!({"text": "College", "talked_about": true}))),
        ]);
        let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Can I get help with my rent?", "Money"]);
        assert_eq!(items[0].topic, Some(id(1)));
        assert_eq!(items[1].topic, None);
        assert_eq!(items[1].detail.as_deref(), Some("By 31 January 2027: Open a bank account"));
    }

    #[test]
    fn offer_items_she_asked_about_are_named_from_the_offer() {
        let items = agenda(&[
            (
                EntityKind::Entitlement,
                1,
                f(json!({"council_id": "liverpool", "item_id": "laptop", "status": "asked", "date": "2026-11-20"})),
            ),
            (
                EntityKind::Entitlement,
                2,
                f(json!({"council_id": "liverpool", "item_id": "bus-pass", "status": "claimed"})),
            ),
            (EntityKind::Entitlement, 3, f(json!({"council_id": "liverpool", "item_id": "gym", "status": "asked"}))),
        ]);
        assert_eq!(items.len(), 2);
        assert_eq!((items[0].group, items[0].title.as_str()), (Group::Offer, "A laptop and data"));
        assert_eq!(items[0].detail.as_deref(), Some("Asked on 20 November 2026"));
        assert_eq!(items[1].title, "gym", "an item missing from the offer still shows, by its id");
    }

    #[test]
    fn open_requests_and_corrections_are_on_and_answered_ones_are_not() {
        let request = json!({"kind": "contact_me", "how": "call", "reach_on": "07700900123", "asked_at": 1, "status": "open", "message": "About my flat"});
        let mut done = request.clone();
        done["status"] = json!("done");
        let entry = json!({"kind": "allergy", "author": "professional", "title": "Penicillin", "recorded_by": "GP",
            "visibility": "my_pa", "correction": "It was amoxicillin", "correction_at": 5});
        let mut answered = entry.clone();
        answered["correction_reply_at"] = json!(6);
        let items = agenda(&[
            (EntityKind::ContactRequest, 1, f(request)),
            (EntityKind::ContactRequest, 2, f(done)),
            (EntityKind::HealthEntry, 3, f(entry)),
            (EntityKind::HealthEntry, 4, f(answered)),
        ]);
        let got: Vec<(&str, Option<&str>)> = items.iter().map(|i| (i.title.as_str(), i.detail.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Wants to be contacted", Some("About my flat")),
                ("Correction to Penicillin", Some("It was amoxicillin"))
            ]
        );
    }

    #[test]
    fn the_review_shows_her_request_or_its_date() {
        let asked = agenda(&[(EntityKind::PlanReview, 1, f(json!({"asked_at": 5, "reason": "New job"})))]);
        assert_eq!(asked[0].detail.as_deref(), Some("Asked for a review: New job"));
        let due = agenda(&[(EntityKind::PlanReview, 1, f(json!({"next_review": "2026-11-10"})))]);
        assert_eq!(due[0].detail.as_deref(), Some("Was due 10 November 2026"));
        assert!(
            agenda(&[(EntityKind::PlanReview, 1, f(json!({"contact_weeks": 4, "contact_weeks_reason": "x"})))])
                .is_empty()
        );
    }

    #[test]
    fn a_long_topic_gets_a_short_title_and_keeps_its_words_below() {
        let long = "word ".repeat(40);
        let items = agenda(&[(EntityKind::Topic, 1, f(json!({"text": long})))]);
        assert!(items[0].title.chars().count() <= TITLE_MAX && items[0].title.ends_with('…'));
        assert_eq!(items[0].detail.as_deref(), Some(long.trim()));
        assert_eq!(discussed_line("Money", "  "), "Money");
        assert_eq!(discussed_line("Money", "Has a budget"), "Money: Has a budget");
    }
}
