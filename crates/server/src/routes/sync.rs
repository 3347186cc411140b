//! `POST /sync/push` and `GET /sync/pull` (docs/architecture.md §4).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use pathway_model::auth::Role;
use pathway_model::sync::EntityKind;
use pathway_model::sync::limits::{CHANGES_PER_MINUTE, WINDOW_SECS};
use pathway_model::sync::merge::StoredRecord;
use pathway_model::sync::{
    MAX_BATCH, Mutation, MutationResult, PullResponse, PushRequest, PushResponse, PushResultItem, Tombstone, Writer,
    answer_again, decide,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::Caller;
use crate::db::audit::{self, AuditAction};
use crate::db::audit_queue::AuditEvent;
use crate::db::sync::{self as store, NewResult, Scope};
use crate::db::{Db, moves, now_ms, sync_limits};
use crate::error::{ApiError, Result};
use crate::extract::{ApiJson, ApiQuery};
use crate::openapi::ErrorBody;
use crate::state::AppState;
use crate::words::kinds_detail;

/// How many records one pull returns at most; the client pulls again while
/// `has_more` is true.
pub const PULL_PAGE: i64 = 500;

/// How long the answer to each change is kept, so a phone that sent it and
/// never heard back gets the same answer when it sends it again, instead of
/// the change being applied twice. Such a phone sends again on its next
/// sync, seconds or minutes later; 30 days also covers one that lost its
/// signal for weeks right after sending, and is how long a young person's
/// session lasts without use (auth/session.rs): a phone away longer must
/// sign in again anyway. Older answers are pruned by the tidy task.
pub const ANSWERS_KEPT_MS: i64 = 30 * 24 * 60 * 60 * 1000;

const WINDOW_MS: i64 = WINDOW_SECS as i64 * 1000;

/// Counts a push's changes against the caller's figure for this minute
/// (model `sync::limits`), over all their devices and every replica.
/// Over it, nothing is applied or counted: 429 with the seconds until the
/// window ends, and the app sends them then.
async fn count_changes(db: &Db, person: Uuid, changes: usize) -> Result<()> {
    if changes == 0 {
        return Ok(());
    }
    let now = now_ms();
    let n = i64::try_from(changes).unwrap_or(i64::MAX);
    match sync_limits::take(db, &person.to_string(), n, i64::from(CHANGES_PER_MINUTE), now, now - WINDOW_MS).await? {
        Ok(()) => Ok(()),
        Err(began) => {
            let wait_ms = (began + WINDOW_MS - now).clamp(0, WINDOW_MS);
            Err(ApiError::TooManyChanges {
                retry_after_secs: u64::try_from((wait_ms + 999) / 1000).unwrap_or(1).max(1),
            })
        }
    }
}

/// The tidy task's part for sync (lib.rs): stored answers older than
/// `ANSWERS_KEPT_MS` and counts whose window has ended. Answers how many
/// of each went.
pub async fn prune(db: &Db) -> Result<(u64, u64)> {
    let now = now_ms();
    let answers = store::prune_answers(db, now - ANSWERS_KEPT_MS).await?;
    let counts = sync_limits::prune(db, now - WINDOW_MS).await?;
    Ok((answers, counts))
}

/// Young people and PAs sync; managers hold no personal records.
fn scope_of(caller: &Caller) -> Result<Scope> {
    match caller.role {
        Role::YoungPerson => Ok(Scope::Own(caller.person_id)),
        Role::Advisor => Ok(Scope::Caseload(caller.person_id)),
        Role::Manager => Err(ApiError::Forbidden),
    }
}

/// Young people and PAs. Applies each mutation in its own transaction, in
/// order, and answers one result per mutation.
#[utoipa::path(
    post,
    path = "/sync/push",
    tag = "sync",
    request_body = PushRequest,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor"]))),
    responses(
        (status = 200, description = "One result per change, in order", body = PushResponse),
        (status = 429, description = "too_many_changes: wait `Retry-After` seconds and send again", body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn push(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>> {
    scope_of(&caller)?;
    if req.mutations.len() > MAX_BATCH {
        return Err(ApiError::Validation(format!("send at most {MAX_BATCH} changes at a time")));
    }
    count_changes(&state.db, caller.person_id, req.mutations.len()).await?;
    let mut results = Vec::with_capacity(req.mutations.len());
    for m in &req.mutations {
        let result = apply_one(&state, &caller, m).await?;
        results.push(PushResultItem { mutation_id: m.mutation_id, result });
    }
    Ok(Json(PushResponse { results }))
}

async fn apply_one(state: &AppState, caller: &Caller, m: &Mutation) -> Result<MutationResult> {
    let mut tx = store::begin(&state.db).await?;
    // The version a write would get; taken only if this change writes.
    let version = store::lock_counter(&mut tx).await?;

    // Exactly once: the model's rule, which the convergence test drives too.
    let writer = Writer { person_id: caller.person_id, role: caller.role };
    let store::Lookup { stored, device_owner, current } =
        store::look_up(&mut tx, m.mutation_id, m.client_id, m.record_id).await?;
    if let Some(answer) = answer_again(stored.as_ref(), writer) {
        tx.rollback().await?;
        return Ok(answer);
    }
    if device_owner.is_some_and(|p| p != caller.person_id.to_string()) {
        tx.rollback().await?;
        return Ok(MutationResult::Rejected { reason: "that device id belongs to someone else".into() });
    }

    let visible = match (&current, caller.role) {
        (None, _) => true,
        (Some(rec), Role::YoungPerson) => rec.owner_id == caller.person_id,
        // A record hidden from staff ("only me") is as good as missing to the PA.
        (Some(rec), Role::Advisor) => {
            (rec.deleted || rec.entity.visible_to_staff(&rec.fields))
                && store::is_on_caseload(&mut tx, caller.person_id, rec.owner_id).await?
        }
        (Some(_), Role::Manager) => false,
    };
    let owner_for_new = match caller.role {
        Role::YoungPerson => Some(caller.person_id),
        _ => match m.owner_id {
            Some(o) if store::is_on_caseload(&mut tx, caller.person_id, o).await? => Some(o),
            _ => None,
        },
    };
    let now = now_ms();
    let off_caseload =
        current.is_none() && caller.role == Role::Advisor && m.owner_id.is_some() && owner_for_new.is_none();
    let decision = if off_caseload && m.op == pathway_model::sync::Op::Put {
        // The same words whether she exists or not: a PA learns nothing
        // about anyone off their caseload.
        pathway_model::sync::Decision {
            result: MutationResult::Rejected { reason: "you can only write for young people on your caseload".into() },
            write: None,
        }
    } else if visible {
        decide(current.as_ref(), m, writer, owner_for_new, version, now)
    } else {
        // Someone else's record: answer exactly as for a missing one.
        pathway_model::sync::Decision {
            result: MutationResult::Rejected { reason: "no such record".into() },
            write: None,
        }
    };
    if matches!(decision.result, MutationResult::Rejected { .. } | MutationResult::Conflict { .. }) {
        // Nothing of a refused change or a conflict is kept: no version, no
        // stored answer. Sent again, it is decided again, the same way or
        // (a conflict) against the record as it is then.
        tx.rollback().await?;
        return Ok(decision.result);
    }
    if let Some(record) = &decision.write {
        if store::next_version(&mut tx).await? != version {
            return Err(ApiError::Internal("the change counter moved while locked".into()));
        }
        store::write_record(&mut tx, record, caller.person_id).await?;
        if caller.role.is_staff() {
            let kind = Some(record.entity.as_str());
            audit::record_with(&mut tx, caller.person_id, record.owner_id, AuditAction::ChangedRecord, kind).await?;
        }
    }
    store::store_result(
        &mut tx,
        NewResult {
            mutation_id: m.mutation_id,
            person_id: caller.person_id,
            client_id: m.client_id,
            seq: m.seq,
            result: &decision.result,
            at: now,
        },
    )
    .await?;
    // The answer is stored before it is sent: a retry after a lost answer
    // finds it above.
    tx.commit().await?;
    Ok(decision.result)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PullParams {
    #[serde(default)]
    since: i64,
    client_id: Uuid,
}

/// Young people and PAs: what changed since the cursor that they may see.
#[utoipa::path(
    get,
    path = "/sync/pull",
    tag = "sync",
    params(PullParams),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person", "advisor"]))),
    responses(
        (status = 200, description = "What changed since the cursor that the caller may see", body = PullResponse),
        (status = 400, description = "validation_failed: a bad query string", body = ErrorBody),
    )
)]
pub async fn pull(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<PullParams>,
) -> Result<Json<PullResponse>> {
    let scope = scope_of(&caller)?;
    // Read the head first: every version up to it has committed (writers
    // are serialised), so the query below sees them all.
    // One connection for both reads: each acquire is another wait in the
    // pool's queue, and at 200 connections those waits made the tail.
    let mut conn = state.db.pool().acquire().await?;
    let (head, last_seq) = store::head_and_last_seq(&mut conn, params.client_id, caller.person_id).await?;
    let mut records = store::changed_since(&mut conn, scope, params.since, PULL_PAGE + 1).await?;
    let has_more = records.len() as i64 > PULL_PAGE;
    records.truncate(PULL_PAGE as usize);
    let last_version = records.last().map_or(params.since, |r| r.version);
    let cursor = if has_more { last_version } else { head.max(last_version).max(params.since) };
    // Young people who left this PA's caseload since this device's cursor,
    // read after the records: a move the records query saw is here too. Up
    // to the cursor only, so each is told once as the cursor passes it.
    let forget = match scope {
        Scope::Caseload(advisor) => moves::departures(&mut conn, advisor, params.since, cursor).await?,
        Scope::Own(_) => vec![],
    };
    drop(conn);

    // For a PA, a record made private since they saw it is gone too: the
    // tombstone takes it off their device, and its fields never leave here.
    let hidden =
        |r: &StoredRecord| r.deleted || (caller.role != Role::YoungPerson && !r.entity.visible_to_staff(&r.fields));
    let (gone, live): (Vec<_>, Vec<_>) = records.into_iter().partition(hidden);
    if caller.role == Role::Advisor && !live.is_empty() {
        // One row per young person whose records this answer carries, with
        // the kinds it carries (never their words).
        let mut kinds: BTreeMap<Uuid, Vec<EntityKind>> = BTreeMap::new();
        for r in &live {
            kinds.entry(r.owner_id).or_default().push(r.entity);
        }
        let events = kinds
            .into_iter()
            .map(|(subject, kinds)| AuditEvent {
                actor: caller.person_id,
                subject,
                action: AuditAction::SyncedRecords,
                detail: Some(kinds_detail(kinds)),
            })
            .collect();
        // Committed, with other requests' rows, before a byte is sent.
        state.db.audits().write(events).await.map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    Ok(Json(PullResponse {
        changes: live.iter().map(|r| r.to_sync_record()).collect(),
        tombstones: gone.iter().map(|r| Tombstone { entity: r.entity, id: r.id, version: r.version }).collect(),
        cursor,
        last_seq,
        has_more,
        forget,
    }))
}
