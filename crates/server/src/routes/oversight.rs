//! `GET /council/oversight` ("Keeping in touch"): for a manager, per PA of
//! their council, who is overdue a contact or a review, who has not been in
//! touch for 90 days or more, and whose requests and "I feel unsafe" alerts
//! are waiting, with the names and dates behind each figure and no health
//! detail; and the council's totals. Every young person named is audited.

use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use pathway_model::date::utc_day;
use pathway_model::health::entry::HealthEntry;
use pathway_model::meeting::Rhythm;
use pathway_model::meeting::oversight::{AdvisorOversight, Concerns, Oversight, PersonDate};
use pathway_model::people::keep_in_touch::ContactRequest;
use pathway_model::people::unsafe_alert::UnsafeAlert;
use pathway_model::sync::EntityKind;
use pathway_model::sync::merge::StoredRecord;
use uuid::Uuid;

use crate::auth::Manager;
use crate::clock::today;
use crate::db::audit::AuditAction;
use crate::db::people::PersonRow;
use crate::db::{meeting, people, staff};
use crate::error::{ApiError, Result};
use crate::rhythm::Histories;
use crate::state::AppState;

/// The row of young people with no PA.
pub const NO_PA: &str = "No personal advisor";

/// Requests and alerts waiting, by young person: the day each was made.
#[derive(Default)]
struct Waiting {
    requests: HashMap<Uuid, Vec<NaiveDate>>,
    alerts: HashMap<Uuid, Vec<NaiveDate>>,
}

impl Waiting {
    fn of(records: &[StoredRecord]) -> Waiting {
        let mut w = Waiting::default();
        for r in records.iter().filter(|r| !r.deleted) {
            let (list, at) = match r.entity {
                // A keep-in-touch request nobody has marked done.
                EntityKind::ContactRequest => match ContactRequest::from_fields(&r.fields) {
                    Some(req) if req.is_open() => (&mut w.requests, req.asked_at),
                    _ => continue,
                },
                // A correction she asked for on an entry her PA can see,
                // not answered since. Only its date leaves here.
                EntityKind::HealthEntry if r.entity.visible_to_staff(&r.fields) => {
                    match HealthEntry::from_fields(&r.fields) {
                        Some(e) if e.correction_open() => (&mut w.requests, e.correction_at.unwrap_or(r.updated_at)),
                        _ => continue,
                    }
                }
                // An alert neither her PA nor the duty team has seen.
                EntityKind::UnsafeAlert => match UnsafeAlert::from_fields(&r.fields) {
                    Some(a) if a.pa_seen_at.is_none() && a.duty_seen_at.is_none() => (&mut w.alerts, a.raised_at),
                    _ => continue,
                },
                _ => continue,
            };
            list.entry(r.owner_id).or_default().push(utc_day(at));
        }
        w
    }
}

/// One young person with what the oversight needs of her.
struct Young<'a> {
    id: Uuid,
    row: &'a PersonRow,
    rhythm: Rhythm,
    /// The day she asked for a review, while it is unanswered.
    review_asked_on: Option<NaiveDate>,
}

impl Young<'_> {
    fn at(&self, date: Option<NaiveDate>) -> PersonDate {
        PersonDate { person_id: self.id, name: format!("{} {}", self.row.first_name, self.row.last_name), date }
    }
}

/// Earliest date first (the longest overdue or waiting); "never" before
/// any date; then by name.
fn sort(list: &mut [PersonDate]) {
    list.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
}

fn concerns(young: &[&Young], waiting: &Waiting, today: NaiveDate) -> Concerns {
    let mut c = Concerns::default();
    for y in young {
        let r = &y.rhythm;
        if r.contact_overdue(today) {
            c.contacts_overdue.push(y.at(Some(r.contact_due)));
        }
        if r.review_overdue(today) {
            let due = y.review_asked_on.map_or(r.review_due, |asked| asked.min(r.review_due));
            c.reviews_overdue.push(y.at(Some(due)));
        }
        if r.out_of_touch(today) {
            c.out_of_touch.push(y.at(r.last_contact));
        }
        for day in waiting.requests.get(&y.id).into_iter().flatten() {
            c.open_requests.push(y.at(Some(*day)));
        }
        for day in waiting.alerts.get(&y.id).into_iter().flatten() {
            c.unsafe_waiting.push(y.at(Some(*day)));
        }
    }
    for list in [
        &mut c.contacts_overdue,
        &mut c.reviews_overdue,
        &mut c.out_of_touch,
        &mut c.open_requests,
        &mut c.unsafe_waiting,
    ] {
        sort(list);
    }
    c
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Managers only, for their own council: one row per PA (an empty caseload
/// too, and a disabled PA who still has young people), then one for young
/// people with no PA if there are any. Young people with a closed account
/// are not counted.
#[utoipa::path(
    get,
    path = "/council/oversight",
    tag = "council",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "Oversight of every PA's caseload", body = Oversight),
    )
)]
pub async fn oversight(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<Oversight>> {
    let today = today();
    let council = caller.council_id.as_str();
    let people_rows = people::open_of_council(&state.db, council).await?;
    let records = meeting::oversight_records(&state.db, council).await?;
    let histories = Histories::of(&records);
    let waiting = Waiting::of(&records);

    let mut young = Vec::with_capacity(people_rows.len());
    for row in &people_rows {
        let id = Uuid::parse_str(&row.id).map_err(|e| ApiError::Internal(e.to_string()))?;
        let review_asked_on = histories.review(id).filter(|r| r.request_open()).and_then(|r| r.asked_at).map(utc_day);
        young.push(Young { id, row, rhythm: histories.rhythm(id, row.created_at), review_asked_on });
    }

    // The rows: the council's PAs, by name, then any PA from elsewhere who
    // has one of its young people, then nobody.
    let mut order: Vec<(Option<String>, String)> = Vec::new();
    let mut by_pa: BTreeMap<Option<String>, Vec<&Young>> = BTreeMap::new();
    for y in &young {
        by_pa.entry(y.row.advisor_id.clone()).or_default().push(y);
    }
    for s in staff::of_council(&state.db, council).await? {
        let has_young = by_pa.contains_key(&Some(s.id.clone()));
        if s.role == "advisor" && (s.disabled_at.is_none() || has_young) {
            order.push((Some(s.id.clone()), format!("{} {}", s.first_name, s.last_name)));
        }
    }
    let mut elsewhere: Vec<&String> =
        by_pa.keys().flatten().filter(|pa| !order.iter().any(|(id, _)| id.as_ref() == Some(*pa))).collect();
    if !elsewhere.is_empty() {
        // Their names in one query, not one each.
        let names: BTreeMap<String, String> = people::pa_names_of_council(&state.db, council)
            .await?
            .into_iter()
            .map(|(id, first, last)| (id, format!("{first} {last}")))
            .collect();
        for pa in elsewhere.drain(..) {
            order.push((Some(pa.clone()), names.get(pa).cloned().unwrap_or_else(|| pa.clone())));
        }
    }
    if by_pa.contains_key(&None) {
        order.push((None, NO_PA.to_string()));
    }

    let mut advisors = Vec::with_capacity(order.len());
    for (pa, name) in order {
        let theirs = by_pa.get(&pa).map_or(&[][..], Vec::as_slice);
        let advisor_id =
            pa.as_deref().map(Uuid::parse_str).transpose().map_err(|e| ApiError::Internal(e.to_string()))?;
        advisors.push(AdvisorOversight {
            advisor_id,
            name,
            caseload: count(theirs.len()),
            concerns: concerns(theirs, &waiting, today),
        });
    }

    // Everyone named, once each, on the trail before the answer leaves.
    let mut named: Vec<Uuid> = advisors
        .iter()
        .flat_map(|a| {
            let c = &a.concerns;
            [&c.contacts_overdue, &c.reviews_overdue, &c.out_of_touch, &c.open_requests, &c.unsafe_waiting]
        })
        .flatten()
        .map(|p| p.person_id)
        .collect();
    named.sort();
    named.dedup();
    state
        .db
        .audits()
        .listed(caller.person_id, named, AuditAction::ViewedOversight)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;

    let total = |f: fn(&Concerns) -> usize| count(advisors.iter().map(|a| f(&a.concerns)).sum());
    Ok(Json(Oversight {
        as_of: today,
        caseload: advisors.iter().map(|a| a.caseload).sum(),
        contacts_overdue: total(|c| c.contacts_overdue.len()),
        reviews_overdue: total(|c| c.reviews_overdue.len()),
        out_of_touch: total(|c| c.out_of_touch.len()),
        open_requests: total(|c| c.open_requests.len()),
        unsafe_waiting: total(|c| c.unsafe_waiting.len()),
        advisors,
    }))
}
