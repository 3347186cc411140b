//! Each demo young person's contact history (issue 14): contacts about
//! eight weeks apart back from her last one in data/demo/people.json, the
//! missed attempts listed there, and her last review; and, for Jade, the
//! meeting twelve days ago with what was agreed. Dated from the day the
//! demo is seeded, so the spread (on time, overdue, never contacted) holds
//! on any day. Written as her PA's laptop would write them.

use chrono::{Days, NaiveDate};
use pathway_model::meeting::rhythm::DEFAULT_CONTACT_WEEKS;
use pathway_model::plan::review_id;
use pathway_model::sync::EntityKind;
use serde_json::{Value, json};
use uuid::Uuid;

use super::records::{self, Sample};
use crate::db::Db;
use crate::error::ApiError;

/// What the file says of one young person's contacts.
pub struct History {
    pub last_contact_days_ago: Option<u64>,
    pub missed_days_ago: Vec<u64>,
    pub last_review_days_ago: Option<u64>,
    /// How long she has been known to the service, in days: nothing is
    /// dated before it.
    pub known_for_days: u64,
    /// Jade: her last contact is the sample meeting, with agreed actions.
    pub with_meeting: bool,
}

/// Contacts before the last one: the usual interval apart, at most this many.
const EARLIER: u64 = 2;

/// How, where and what: the earlier contacts take these in turn.
const EARLIER_CONTACTS: [(&str, Option<&str>, &str); 3] = [
    ("phone", None, "We talked on the phone about how your week is going and about money."),
    ("video", None, "We had a video call and went through your plan together."),
    (
        "in_person",
        Some("Central Library café"),
        "We met for a drink. You told me how things are going and we looked at what is coming up next.",
    ),
];

fn day(today: NaiveDate, days_ago: u64) -> String {
    today.checked_sub_days(Days::new(days_ago)).unwrap_or(today).to_string()
}

/// Her samples: contacts, missed attempts, her review, and Jade's meeting.
fn samples(owner: Uuid, h: &History, today: NaiveDate) -> Vec<Sample> {
    let mut out = Vec::new();
    let interval = DEFAULT_CONTACT_WEEKS as u64 * 7;
    if let Some(last) = h.last_contact_days_ago {
        for n in (0..=EARLIER).rev() {
            let ago = last + n * interval;
            if ago > h.known_for_days {
                continue;
            }
            let value = if n == 0 && h.with_meeting {
                jade_meeting(today, ago)
            } else {
                let (how, place, summary) = EARLIER_CONTACTS[(n as usize + 2) % EARLIER_CONTACTS.len()];
                json!({"date": day(today, ago), "how": how, "place": place, "summary": summary})
            };
            out.push(Sample::new(EntityKind::Contact, Uuid::now_v7(), value));
        }
    }
    for &ago in h.missed_days_ago.iter().filter(|a| **a <= h.known_for_days) {
        let note = "I rang and sent a text but couldn't reach you. I'll try again soon.";
        let value = json!({"date": day(today, ago), "how": "missed", "summary": note});
        out.push(Sample::new(EntityKind::Contact, Uuid::now_v7(), value));
    }
    if let Some(ago) = h.last_review_days_ago {
        out.push(Sample::new(EntityKind::PlanReview, review_id(owner), json!({"last_review": day(today, ago)})));
    }
    if h.with_meeting
        && let Some(meeting) =
            out.iter().rev().find(|s| s.entity == EntityKind::Contact && s.fields.contains_key("her_words"))
    {
        let contact_id = meeting.id.to_string();
        out.extend(jade_actions(today, &contact_id));
    }
    out
}

fn jade_meeting(today: NaiveDate, ago: u64) -> Value {
    json!({
        "date": day(today, ago),
        "how": "in_person",
        "place": "Costa on Bold Street",
        "summary": "We met at Costa on Bold Street. You told me the nursing course is going well, but money is \
                    tight until your bursary comes in and your laptop is very slow. You will ask student support \
                    about a laptop, I will find out when the bursary will be paid, and the housing team will send \
                    you a list of shared flats near campus for after June.",
        "her_words": "I'm enjoying the course. I just want the money sorted so I can stop worrying about it.",
        "discussed": "Money: the bursary has not come in yet.\nEducation and work: the course is going well; the \
                      laptop is too slow for assignments.\nHome: shared flats near campus for after June.",
    })
}

fn jade_actions(today: NaiveDate, contact_id: &str) -> Vec<Sample> {
    let by = |n: u64| today.checked_add_days(Days::new(n)).unwrap_or(today).to_string();
    [
        json!({"what": "Ask student support about help with a laptop", "owner": "young_person",
               "by_when": by(16), "contact_id": contact_id}),
        json!({"what": "Find out when your bursary will be paid", "owner": "advisor", "by_when": by(2),
               "contact_id": contact_id,
               "progress": "Emailed the university's money team. Waiting to hear back."}),
        json!({"what": "Send a list of shared flats near campus", "owner": "someone_else",
               "owner_name": "Housing team", "by_when": by(30), "contact_id": contact_id}),
    ]
    .into_iter()
    .map(|v| Sample::new(EntityKind::AgreedAction, Uuid::now_v7(), v))
    .collect()
}

/// Writes her history as `pa` (her PA, or for someone with no PA now, a
/// PA of her council who saw her before).
pub async fn seed(db: &Db, owner: Uuid, pa: Uuid, h: &History, today: NaiveDate) -> Result<(), ApiError> {
    records::write(db, owner, pa, today, samples(owner, h, today)).await
}
