//! What a manager sees of their own council: the figures, and the
//! inbox of keep-in-touch requests and "I feel unsafe" alerts from its young
//! people (for the leaving-care and duty teams).
//!
//! - `GET /council/figures`: counts, with no names and no health.
//! - `GET /council/oversight`: per PA, the names behind each concern
//!   (`routes::oversight`).
//! - `GET /council/inbox?page=`: open requests, oldest first, and alerts,
//!   a page at a time.
//! - `POST /council/inbox/requests/{id}/done`, `.../alerts/{id}/seen`.
//!
//! The records are the young people's synced records; a manager's change is
//! decided by the same field rules as anyone's and gets a new version, so
//! the young person's phone learns of it on its next pull.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use pathway_model::age::age_on;
use pathway_model::auth::Role;
use pathway_model::council::{CouncilInbox, CouncilOverview, InboxAlert, InboxRequest};
use pathway_model::people::keep_in_touch::ContactRequest;
use pathway_model::people::unsafe_alert::UnsafeAlert;
use pathway_model::sync::{EntityKind, Mutation, MutationResult, Op, Writer, decide};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::auth::Manager;
use crate::clock::today;
use crate::db::audit::{self, AuditAction};
use crate::db::audit_queue::AuditEvent;
use crate::db::meeting::{self, Whose};
use crate::db::sync::{self as store};
use crate::db::{council_inbox, councils, now_ms, people};
use crate::error::{ApiError, Result};
use crate::extract::ApiQuery;
use crate::openapi::ErrorBody;
use crate::rhythm::Histories;
use crate::state::AppState;
use crate::words::kinds_detail;

/// Alerts a duty team has marked seen stay listed this long, so a manager
/// can see what happened overnight.
const SEEN_ALERTS_KEPT_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Managers only: figures for their own council, with no names and no
/// health. Not in touch: no contact for `rhythm::OUT_OF_TOUCH_DAYS` days or
/// more, or never, worked out from the contact records.
#[utoipa::path(
    get,
    path = "/council/figures",
    tag = "council",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "The council's figures", body = CouncilOverview),
    )
)]
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

/// How many requests, and how many alerts, one page of the inbox carries.
/// A team works from the top (the oldest request, the newest unseen
/// alert); the rest are a page away.
pub const INBOX_PAGE: i64 = 100;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InboxParams {
    /// 1 for the first page.
    #[serde(default)]
    page: Option<u32>,
}

/// Managers only: their own council's open requests and recent alerts, a
/// page at a time (`?page=2`…; `has_more` says whether another follows).
/// Filtered, ordered and paged in the database, with each PA's name from
/// the same query.
#[utoipa::path(
    get,
    path = "/council/inbox",
    tag = "council",
    params(InboxParams),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "Open requests and recent alerts, a page at a time", body = CouncilInbox),
        (status = 400, description = "validation_failed: a bad query string", body = ErrorBody),
    )
)]
pub async fn inbox(
    State(state): State<AppState>,
    Manager(caller): Manager,
    ApiQuery(params): ApiQuery<InboxParams>,
) -> Result<Json<CouncilInbox>> {
    let page = i64::from(params.page.unwrap_or(1).max(1));
    let offset = (page - 1) * INBOX_PAGE;
    let today = today();
    let now = now_ms();
    let council = caller.council_id.as_str();
    // One more than a page: whether there is another.
    let mut request_rows = council_inbox::open_requests(&state.db, council, INBOX_PAGE + 1, offset).await?;
    let mut alert_rows =
        council_inbox::recent_alerts(&state.db, council, now - SEEN_ALERTS_KEPT_MS, INBOX_PAGE + 1, offset).await?;
    let has_more = request_rows.len() as i64 > INBOX_PAGE || alert_rows.len() as i64 > INBOX_PAGE;
    request_rows.truncate(INBOX_PAGE as usize);
    alert_rows.truncate(INBOX_PAGE as usize);

    // Whose requests and alerts this answer shows, and their kinds, for
    // the audit trail.
    let mut shown: BTreeMap<Uuid, Vec<EntityKind>> = BTreeMap::new();
    let mut requests = Vec::with_capacity(request_rows.len());
    for r in request_rows {
        // The model's rule has the last word; the query matched it already.
        let Some(request) = ContactRequest::from_fields(&r.record.fields).filter(ContactRequest::is_open) else {
            continue;
        };
        let age = r.date_of_birth.as_deref().and_then(pathway_model::date::parse).map_or(0, |born| age_on(born, today));
        shown.entry(r.record.owner_id).or_default().push(EntityKind::ContactRequest);
        requests.push(InboxRequest {
            id: r.record.id,
            person_name: format!("{} {}", r.first_name, r.last_name),
            age,
            pa_name: r.pa_name,
            waited_hours: (now - request.asked_at).max(0) / 3_600_000,
            request,
        });
    }

    let mut alerts = Vec::with_capacity(alert_rows.len());
    for r in alert_rows {
        let Some(alert) = UnsafeAlert::from_fields(&r.record.fields) else {
            continue;
        };
        if alert.duty_seen_at.is_some_and(|seen| now - seen > SEEN_ALERTS_KEPT_MS) {
            continue;
        }
        shown.entry(r.record.owner_id).or_default().push(EntityKind::UnsafeAlert);
        alerts.push(InboxAlert {
            id: r.record.id,
            person_name: format!("{} {}", r.first_name, r.last_name),
            pa_name: r.pa_name,
            alert,
            received_at: r.created_at,
        });
    }

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
    Ok(Json(CouncilInbox { requests, alerts, has_more }))
}

/// Managers only: "Mark as done" on a request of their own council.
#[utoipa::path(
    post,
    path = "/council/inbox/requests/{id}/done",
    tag = "council",
    params(("id" = uuid::Uuid, Path, description = "A contact request")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 204, description = "Marked done"),
        (status = 404, description = "not_found: no such request in the caller's council", body = ErrorBody),
        (status = 422, description = "validation_failed: it cannot be marked done as it stands", body = ErrorBody),
    )
)]
pub async fn request_done(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let fields = json!({"status": "done", "handled_by": me.full_name(), "handled_at": now_ms()});
    change(&state, &caller, &id, EntityKind::ContactRequest, fields).await
}

/// Managers only: the duty team has seen an alert of their own council.
#[utoipa::path(
    post,
    path = "/council/inbox/alerts/{id}/seen",
    tag = "council",
    params(("id" = uuid::Uuid, Path, description = "An alert")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 204, description = "Marked seen"),
        (status = 404, description = "not_found: no such alert in the caller's council", body = ErrorBody),
        (status = 422, description = "validation_failed: it cannot be marked seen as it stands", body = ErrorBody),
    )
)]
pub async fn alert_seen(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let fields = json!({"duty_seen_at": now_ms(), "duty_seen_by": me.full_name()});
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
