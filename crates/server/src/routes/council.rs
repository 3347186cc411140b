//! What a manager sees of their own council: the figures, and the
//! inbox of keep-in-touch requests and "I feel unsafe" alerts from its young
//! people (for the leaving-care and duty teams).
//!
//! - `GET /council/figures`: counts, with no names and no health.
//! - `GET /council/oversight`: per PA, the names behind each concern
//!   (`routes::oversight`).
//! - `GET /council/inbox`: open requests, oldest first, and alerts.
//! - `POST /council/inbox/requests/{id}/done`, `.../alerts/{id}/seen`.
//!
//! The records are the young people's synced records; a manager's change is
//! decided by the same field rules as anyone's and gets a new version, so
//! the young person's phone learns of it on its next pull.

use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use pathway_model::age::age_on;
use pathway_model::auth::Role;
use pathway_model::council::{CouncilInbox, CouncilOverview, InboxAlert, InboxRequest};
use pathway_model::people::keep_in_touch::ContactRequest;
use pathway_model::people::unsafe_alert::UnsafeAlert;
use pathway_model::sync::{EntityKind, Mutation, MutationResult, Op, Writer, decide};
use serde_json::json;
use uuid::Uuid;

use crate::auth::Manager;
use crate::clock::today;
use crate::db::audit::{self, AuditAction};
use crate::db::audit_queue::AuditEvent;
use crate::db::meeting::{self, Whose};
use crate::db::people::PersonRow;
use crate::db::sync::{self as store};
use crate::db::{councils, now_ms, people};
use crate::error::{ApiError, Result};
use crate::rhythm::Histories;
use crate::state::AppState;
use crate::words::kinds_detail;

/// Alerts a duty team has marked seen stay listed this long, so a manager
/// can see what happened overnight.
const SEEN_ALERTS_KEPT_MS: i64 = 7 * 24 * 60 * 60 * 1000;

fn full_name(p: &PersonRow) -> String {
    format!("{} {}", p.first_name, p.last_name)
}

/// Managers only: figures for their own council, with no names and no
/// health. Not in touch: no contact for `rhythm::OUT_OF_TOUCH_DAYS` days or
/// more, or never, worked out from the contact records.
pub async fn figures(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<CouncilOverview>> {
    let council = councils::get(&state.db, &caller.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("manager without council".into()))?;
    let (young, advisors) = people::council_counts(&state.db, &council.id).await?;
    let histories = Histories::of(&meeting::rhythm_records(&state.db, Whose::Council(&council.id)).await?);
    let today = today();
    let mut stale = 0;
    for p in people::open_of_council(&state.db, &council.id).await? {
        let id = Uuid::parse_str(&p.id).map_err(|e| ApiError::Internal(e.to_string()))?;
        if histories.rhythm(id, p.created_at).out_of_touch(today) {
            stale += 1;
        }
    }
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Json(CouncilOverview {
        council: council.summary(),
        young_people: count(young),
        advisors: count(advisors),
        not_contacted_90_days: stale,
    }))
}

/// Managers only: their own council's open requests and recent alerts.
pub async fn inbox(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<CouncilInbox>> {
    let young: HashMap<String, PersonRow> =
        people::of_council(&state.db, &caller.council_id).await?.into_iter().map(|p| (p.id.clone(), p)).collect();
    let mut pa_names: HashMap<String, Option<String>> = HashMap::new();
    for p in young.values() {
        if let Some(pa) = &p.advisor_id {
            if !pa_names.contains_key(pa) {
                let name = people::get(&state.db, pa).await?.map(|row| full_name(&row));
                pa_names.insert(pa.clone(), name);
            }
        }
    }
    let pa_of = |p: &PersonRow| p.advisor_id.as_ref().and_then(|id| pa_names.get(id).cloned().flatten());
    let today = today();
    let now = now_ms();

    // Whose requests and alerts this answer shows, and their kinds, for
    // the audit trail.
    let mut shown: BTreeMap<Uuid, Vec<EntityKind>> = BTreeMap::new();
    let mut requests = Vec::new();
    for r in store::of_council(&state.db, EntityKind::ContactRequest, &caller.council_id).await? {
        let (Some(person), Some(request)) =
            (young.get(&r.record.owner_id.to_string()), ContactRequest::from_fields(&r.record.fields))
        else {
            continue;
        };
        if !request.is_open() {
            continue;
        }
        let age = person.born().map_or(0, |born| age_on(born, today));
        shown.entry(r.record.owner_id).or_default().push(EntityKind::ContactRequest);
        requests.push(InboxRequest {
            id: r.record.id,
            person_name: full_name(person),
            age,
            pa_name: pa_of(person),
            waited_hours: (now - request.asked_at).max(0) / 3_600_000,
            request,
        });
    }
    requests.sort_by_key(|r| r.request.asked_at);

    let mut alerts = Vec::new();
    for r in store::of_council(&state.db, EntityKind::UnsafeAlert, &caller.council_id).await? {
        let (Some(person), Some(alert)) =
            (young.get(&r.record.owner_id.to_string()), UnsafeAlert::from_fields(&r.record.fields))
        else {
            continue;
        };
        if alert.duty_seen_at.is_some_and(|seen| now - seen > SEEN_ALERTS_KEPT_MS) {
            continue;
        }
        shown.entry(r.record.owner_id).or_default().push(EntityKind::UnsafeAlert);
        alerts.push(InboxAlert {
            id: r.record.id,
            person_name: full_name(person),
            pa_name: pa_of(person),
            alert,
            received_at: r.created_at,
        });
    }
    // Not yet seen first, newest first within each.
    alerts.sort_by_key(|a| (a.alert.duty_seen_at.is_some(), -a.alert.raised_at));

    let events = shown
        .into_iter()
        .map(|(subject, kinds)| AuditEvent {
            actor: caller.person_id,
            subject,
            action: AuditAction::ViewedRequests,
            detail: Some(kinds_detail(kinds)),
        })
        .collect();
    state.db.audits().write(events).await.map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(CouncilInbox { requests, alerts }))
}

/// Managers only: "Mark as done" on a request of their own council.
pub async fn request_done(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let fields = json!({"status": "done", "handled_by": full_name(&me), "handled_at": now_ms()});
    change(&state, &caller, &id, EntityKind::ContactRequest, fields).await
}

/// Managers only: the duty team has seen an alert of their own council.
pub async fn alert_seen(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let fields = json!({"duty_seen_at": now_ms(), "duty_seen_by": full_name(&me)});
    change(&state, &caller, &id, EntityKind::UnsafeAlert, fields).await
}

/// Applies a manager's change to a record of their council through the same
/// decision as a synced change. Anything not theirs answers 404.
async fn change(
    state: &AppState,
    caller: &crate::auth::Caller,
    id: &str,
    entity: EntityKind,
    fields: serde_json::Value,
) -> Result<StatusCode> {
    let id = Uuid::parse_str(id).map_err(|_| ApiError::NotFound)?;
    let mut tx = store::begin(&state.db).await?;
    let version = store::next_version(&mut tx).await?;
    let current = store::record(&mut tx, id).await?.filter(|r| r.entity == entity && !r.deleted);
    let Some(current) = current else {
        tx.rollback().await?;
        return Err(ApiError::NotFound);
    };
    let owner = people::get(&state.db, &current.owner_id.to_string()).await?;
    if owner.is_none_or(|o| o.council_id != caller.council_id) {
        tx.rollback().await?;
        return Err(ApiError::NotFound);
    }
    let m = Mutation {
        mutation_id: Uuid::now_v7(),
        // The manager's own id as the "device": their changes never conflict
        // with each other.
        client_id: caller.person_id,
        seq: 0,
        entity,
        record_id: id,
        op: Op::Put,
        payload: fields.as_object().cloned().unwrap_or_default(),
        base_version: Some(current.version),
        owner_id: None,
    };
    let decision = decide(
        Some(&current),
        &m,
        Writer { person_id: caller.person_id, role: Role::Manager },
        None,
        version,
        now_ms(),
    );
    match decision.result {
        MutationResult::Applied { .. } | MutationResult::AlreadyApplied { .. } => {}
        MutationResult::Rejected { reason } => {
            tx.rollback().await?;
            return Err(ApiError::Validation(reason));
        }
        MutationResult::Conflict { .. } => {
            tx.rollback().await?;
            return Err(ApiError::Validation("it changed just now; reload and try again".into()));
        }
    }
    if let Some(record) = &decision.write {
        store::write_record(&mut tx, record, caller.person_id).await?;
        let kind = Some(record.entity.as_str());
        audit::record_with(&mut tx, caller.person_id, record.owner_id, AuditAction::ChangedRecord, kind).await?;
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
