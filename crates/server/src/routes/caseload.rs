//! A PA's caseload: the young people on it, one young person's overview,
//! and the contacts a PA keeps for them.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use pathway_model::FieldIssue;
use pathway_model::age::{Stage, age_on};
use pathway_model::caseload::{CaseloadEntry, YoungPersonOverview};
use pathway_model::people::{ContactDetails, ContactRole};
use pathway_model::profile::{Circumstance, LegalStatus};
use uuid::Uuid;

use crate::auth::Advisor;
use crate::clock::today;
use crate::db::audit::{self, AuditAction};
use crate::db::audit_queue::AuditEvent;
use crate::db::people::ContactRow;
use crate::db::{councils, people};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::state::AppState;

fn parse_date(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(pathway_model::date::parse)
}

/// Advisors only: the young people on their own caseload.
pub async fn caseload(State(state): State<AppState>, Advisor(caller): Advisor) -> Result<Json<Vec<CaseloadEntry>>> {
    let rows = people::caseload(&state.db, &caller.person_id.to_string()).await?;
    let council = councils::get(&state.db, &caller.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("advisor without council".into()))?;
    let today = today();
    let mut entries = Vec::with_capacity(rows.len());
    for p in rows {
        // A caseload can cross councils (a PA covering out-of-area young
        // people); look each council up only when it differs.
        let person_council = if p.council_id == council.id {
            council.summary()
        } else {
            councils::get(&state.db, &p.council_id).await?.map(|c| c.summary()).unwrap_or_else(|| council.summary())
        };
        entries.push(CaseloadEntry {
            person_id: Uuid::parse_str(&p.id).map_err(|e| ApiError::Internal(e.to_string()))?,
            age: age_on(p.date_of_birth()?, today),
            first_name: p.first_name,
            last_name: p.last_name,
            council: person_council,
            last_contact: parse_date(&p.last_contact),
        });
    }
    Ok(Json(entries))
}

/// Advisors only, and only for a young person on their caseload: anyone
/// else's id answers 404, as if it did not exist. Each view is audited.
pub async fn young_person(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    Path(person_id): Path<String>,
) -> Result<Json<YoungPersonOverview>> {
    let person_id = Uuid::parse_str(&person_id).map_err(|_| ApiError::NotFound)?;
    let p = people::on_caseload(&state.db, &caller.person_id.to_string(), &person_id.to_string())
        .await?
        .ok_or(ApiError::NotFound)?;
    let council = councils::get(&state.db, &p.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("person without council".into()))?;
    let dob = p.date_of_birth()?;
    let age = age_on(dob, today());
    let overview = YoungPersonOverview {
        person_id,
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        date_of_birth: dob,
        age,
        stage: Stage::for_age(age),
        council: council.summary(),
        status: p
            .legal_status
            .as_deref()
            .and_then(LegalStatus::parse)
            .ok_or_else(|| ApiError::Internal(format!("young person {} has no status", p.id)))?,
        circumstances: p.circumstances.split_whitespace().filter_map(Circumstance::parse).collect(),
        last_contact: parse_date(&p.last_contact),
        social_worker: None,
        iro: None,
    };
    let mut overview = overview;
    for c in people::contacts(&state.db, &p.id).await? {
        let details = ContactDetails { name: c.name, phone: c.phone, email: c.email, hours: c.hours };
        match ContactRole::parse(&c.role) {
            Some(ContactRole::SocialWorker) => overview.social_worker = Some(details),
            Some(ContactRole::Iro) => overview.iro = Some(details),
            None => {}
        }
    }
    let viewed = AuditEvent { actor: caller.person_id, subject: person_id, action: AuditAction::ViewedOverview };
    state.db.audits().write(vec![viewed]).await.map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(overview))
}

/// Advisors only, for a young person on their caseload: records their
/// social worker or IRO (`role` is `social_worker` or `iro`). Every problem
/// is listed at once; nothing is saved unless all is well. Audited.
pub async fn set_contact(
    State(state): State<AppState>,
    Advisor(caller): Advisor,
    Path((person_id, role)): Path<(String, String)>,
    ApiJson(details): ApiJson<ContactDetails>,
) -> Result<StatusCode> {
    let person_id = Uuid::parse_str(&person_id).map_err(|_| ApiError::NotFound)?;
    let role = ContactRole::parse(&role).ok_or(ApiError::NotFound)?;
    people::on_caseload(&state.db, &caller.person_id.to_string(), &person_id.to_string())
        .await?
        .ok_or(ApiError::NotFound)?;
    let problems = details.problems();
    if !problems.is_empty() {
        return Err(ApiError::Issues(
            problems
                .into_iter()
                .map(|(field, problem)| FieldIssue { index: 0, field: field.into(), problem })
                .collect(),
        ));
    }
    let trimmed = |o: &Option<String>| o.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    let row = ContactRow {
        person_id: person_id.to_string(),
        role: role.as_str().into(),
        name: details.name.trim().into(),
        phone: trimmed(&details.phone),
        email: trimmed(&details.email),
        hours: trimmed(&details.hours),
    };
    let mut tx = state.db.writer().begin().await?;
    people::upsert_contact(&mut tx, &row).await?;
    audit::record(&mut tx, caller.person_id, person_id, AuditAction::ChangedRecord).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
