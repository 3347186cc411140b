//! A manager keeps their own council's offer current (issue 16): a draft
//! they edit item by item or fill from an ORUK upload, published all or
//! nothing; the history of what was published; the published offer as an
//! ORUK file. Managers only, and only their own council: every route takes
//! the council from the session, never from the request.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use pathway_model::offer::OfferItem;
use pathway_model::offer::editor::{self, ChangeSummary, HistoryEntry, OfferDraft};
use pathway_model::offer::oruk;
use serde_json::Value;

use crate::auth::Manager;
use crate::clock::today;
use crate::db::{councils, offer, offer_drafts, offer_history, people};
use crate::error::{ApiError, Result};
use crate::extract::ApiJson;
use crate::openapi::ErrorBody;
use crate::state::AppState;

/// `GET /offer/draft`: the offer as it would be once published, each item
/// with where it stands (added, changed, retired, as published) and whether
/// it is a year or more since anyone checked it.
#[utoipa::path(
    get,
    path = "/offer/draft",
    tag = "offer",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses((status = 200, description = "The council's offer as it would be once published, each item with its state", body = OfferDraft)),
)]
pub async fn draft(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<OfferDraft>> {
    let council = councils::get(&state.db, &caller.council_id).await?.ok_or(ApiError::NotFound)?;
    let published = offer::items(&state.db, &caller.council_id).await?;
    let proposed = offer_drafts::get(&state.db, &caller.council_id).await?.unwrap_or_else(|| published.clone());
    let unpublished = !editor::compare(&published, &proposed).is_empty();
    Ok(Json(OfferDraft {
        council: council.summary(),
        entries: editor::entries(&published, &proposed, today()),
        unpublished,
    }))
}

/// `PUT /offer/draft/items/{id}`: adds an item to the draft, or changes it.
/// Every field rule is checked; a problem is named by its field.
#[utoipa::path(
    put,
    path = "/offer/draft/items/{id}",
    tag = "offer",
    params(("id" = String, Path, description = "The item's id (a slug, like `driving-lessons`)")),
    request_body = pathway_model::offer::OfferItem,
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "The draft, with the item added or changed", body = OfferDraft),
        (status = 422, description = "validation_failed: a field rule is not met (`issues`, by field), or the id differs from the address", body = ErrorBody),
    ),
)]
pub async fn put_item(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    ApiJson(mut item): ApiJson<OfferItem>,
) -> Result<Json<OfferDraft>> {
    if item.id != id {
        return Err(ApiError::Validation(format!("the item's id must be {id:?}, as in the address")));
    }
    let council = councils::get(&state.db, &caller.council_id).await?.ok_or(ApiError::NotFound)?;
    // The council is the caller's, whatever was sent; a demo council's
    // items are sample data, a real council's never are.
    item.council_id = caller.council_id.clone();
    item.sample = council.sample_data != 0;
    let issues = editor::check_item(0, &item, today());
    if !issues.is_empty() {
        return Err(ApiError::Issues(issues));
    }
    offer_drafts::edit(&state.db, &caller.council_id, caller.person_id, |draft, _| {
        match draft.iter_mut().find(|i| i.id == item.id) {
            Some(slot) => *slot = item,
            None => draft.push(item),
        }
        Ok(())
    })
    .await?;
    draft(State(state), Manager(caller)).await
}

/// `POST /offer/draft/items/{id}/retire`: the item leaves the draft; once
/// published, young people no longer see it (a tracker that has it marks
/// it "no longer offered").
#[utoipa::path(
    post,
    path = "/offer/draft/items/{id}/retire",
    tag = "offer",
    params(("id" = String, Path, description = "The item's id (a slug, like `driving-lessons`)")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "The draft, without the item", body = OfferDraft),
        (status = 404, description = "not_found: the draft has no such item", body = ErrorBody),
    ),
)]
pub async fn retire_item(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<Json<OfferDraft>> {
    offer_drafts::edit(&state.db, &caller.council_id, caller.person_id, |draft, _| {
        let before = draft.len();
        draft.retain(|i| i.id != id);
        if draft.len() == before { Err(ApiError::NotFound) } else { Ok(()) }
    })
    .await?;
    draft(State(state), Manager(caller)).await
}

/// `POST /offer/draft/items/{id}/undo`: the item goes back to how it is
/// published: an added item leaves the draft, a retired one comes back.
#[utoipa::path(
    post,
    path = "/offer/draft/items/{id}/undo",
    tag = "offer",
    params(("id" = String, Path, description = "The item's id (a slug, like `driving-lessons`)")),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "The draft, with the item as it is published", body = OfferDraft),
        (status = 404, description = "not_found: the item is neither in the draft nor published", body = ErrorBody),
    ),
)]
pub async fn undo_item(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<Json<OfferDraft>> {
    offer_drafts::edit(&state.db, &caller.council_id, caller.person_id, |draft, published| {
        let in_draft = draft.iter().position(|i| i.id == id);
        match (in_draft, published.iter().position(|i| i.id == id)) {
            (None, None) => return Err(ApiError::NotFound),
            (Some(at), None) => {
                draft.remove(at);
            }
            (Some(at), Some(p)) => draft[at] = published[p].clone(),
            (None, Some(p)) => draft.insert(p.min(draft.len()), published[p].clone()),
        }
        Ok(())
    })
    .await?;
    draft(State(state), Manager(caller)).await
}

/// `DELETE /offer/draft`: every unpublished change is thrown away.
#[utoipa::path(
    delete,
    path = "/offer/draft",
    tag = "offer",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses((status = 200, description = "The draft is thrown away: the published offer", body = OfferDraft)),
)]
pub async fn discard(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<OfferDraft>> {
    offer_drafts::discard(&state.db, &caller.council_id).await?;
    draft(State(state), Manager(caller)).await
}

/// `POST /offer/draft/import`: an ORUK upload becomes the draft, and the
/// answer says what it would add, change and retire. Nothing young people
/// see changes until it is published; an upload with any problem changes
/// nothing at all, not even the draft.
#[utoipa::path(
    post,
    path = "/offer/draft/import",
    tag = "offer",
    request_body(content = Object, description = "An ORUK list of services, or an ORUK page with `contents`"),
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "The upload is the draft now; what publishing it would add, change and retire", body = ChangeSummary),
        (status = 422, description = "validation_failed with `issues`, by item and field; nothing changes", body = ErrorBody),
    ),
)]
pub async fn import(
    State(state): State<AppState>,
    Manager(caller): Manager,
    ApiJson(upload): ApiJson<Value>,
) -> Result<Json<ChangeSummary>> {
    let council = councils::get(&state.db, &caller.council_id).await?.ok_or(ApiError::NotFound)?;
    let mut items = oruk::import(&upload, &caller.council_id).map_err(ApiError::Issues)?;
    for item in &mut items {
        item.sample = council.sample_data != 0;
    }
    let issues = editor::check_draft(&items, today());
    if !issues.is_empty() {
        return Err(ApiError::Issues(issues));
    }
    let published = offer::items(&state.db, &caller.council_id).await?;
    offer_drafts::edit(&state.db, &caller.council_id, caller.person_id, |draft, _| {
        *draft = items.clone();
        Ok(())
    })
    .await?;
    Ok(Json(ChangeSummary::from(&editor::compare(&published, &items))))
}

/// `POST /offer/draft/publish`: all or nothing. Any problem in any item, and
/// every problem is listed by item and field and nothing is published.
#[utoipa::path(
    post,
    path = "/offer/draft/publish",
    tag = "offer",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses(
        (status = 200, description = "Published: what was added, changed and retired", body = ChangeSummary),
        (status = 409, description = "conflict: there is no draft to publish", body = ErrorBody),
        (status = 422, description = "validation_failed with `issues`, by item and field; nothing is published", body = ErrorBody),
    ),
)]
pub async fn publish(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<ChangeSummary>> {
    let Some(items) = offer_drafts::get(&state.db, &caller.council_id).await? else {
        return Err(ApiError::Conflict("there is nothing to publish: no item has been changed".into()));
    };
    let issues = editor::check_draft(&items, today());
    if !issues.is_empty() {
        return Err(ApiError::Issues(issues));
    }
    let by = publisher(&state, &caller).await?;
    let changes = offer::replace(&state.db, &caller.council_id, &items, &by).await?;
    tracing::info!(
        council = %caller.council_id,
        added = changes.added.len(),
        changed = changes.changed.len(),
        retired = changes.retired.len(),
        "offer published from the editor"
    );
    Ok(Json(ChangeSummary::from(&changes)))
}

/// The manager's name, as a publish's history lines give it.
pub(super) async fn publisher(state: &AppState, caller: &crate::auth::Caller) -> Result<String> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?;
    me.map(|p| p.full_name()).ok_or(ApiError::Unauthenticated)
}

/// `GET /offer/history`: who published what, newest first.
#[utoipa::path(
    get,
    path = "/offer/history",
    tag = "offer",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses((status = 200, description = "Who published what, newest first", body = Vec<HistoryEntry>)),
)]
pub async fn history(State(state): State<AppState>, Manager(caller): Manager) -> Result<Json<Vec<HistoryEntry>>> {
    Ok(Json(offer_history::list(&state.db, &caller.council_id).await?))
}

/// `GET /offer/export`: the published offer as an ORUK list of services,
/// as a file to download (the same services the open data serves).
#[utoipa::path(
    get,
    path = "/offer/export",
    tag = "offer",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["manager"]))),
    responses((status = 200, description = "The published offer as an ORUK list of services, as a file to download", body = Vec<Object>)),
)]
pub async fn export(State(state): State<AppState>, Manager(caller): Manager) -> Result<Response> {
    let council = councils::get(&state.db, &caller.council_id).await?.ok_or(ApiError::NotFound)?;
    let items = offer::items(&state.db, &caller.council_id).await?;
    let services: Vec<Value> = items.iter().map(|i| oruk::to_service(i, &council.name)).collect();
    let file = format!("attachment; filename=\"{}-offer-oruk.json\"", council.id);
    Ok(([(header::CONTENT_DISPOSITION, file)], Json(services)).into_response())
}
