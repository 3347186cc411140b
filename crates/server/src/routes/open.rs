//! Open data: each council's offer through the Open Referral UK API shape,
//! under `/open/{council}/`. Public, read-only, no personal data.

use axum::Json;
use axum::extract::{Path, State};
use pathway_model::offer::oruk;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::db::councils::{self, CouncilRow};
use crate::db::offer;
use crate::error::{ApiError, Result};
use crate::extract::ApiQuery;
use crate::openapi::ErrorBody;
use crate::state::AppState;

const MAX_PER_PAGE: usize = 100;

async fn council(state: &AppState, id: &str) -> Result<CouncilRow> {
    councils::get(&state.db, id).await?.ok_or(ApiError::NotFound)
}

/// `GET /open/{council}/`: what this API is.
#[utoipa::path(
    get,
    path = "/open/{council}/",
    tag = "open data",
    params(("council" = String, Path, description = "A council id", example = "liverpool")),
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "ORUK service metadata", body = Object),
        (status = 404, description = "not_found: no such council", body = ErrorBody),
    )
)]
pub async fn meta(State(state): State<AppState>, Path(council_id): Path<String>) -> Result<Json<Value>> {
    let c = council(&state, &council_id).await?;
    Ok(Json(json!({
        "version": "3.0",
        "profile": "https://openreferraluk.org/",
        "openapi_url": "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/openapi.json",
        "name": format!("{} local offer for care leavers (Pathway)", c.name),
        "sample_data": c.sample_data != 0,
    })))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    #[serde(default)]
    search: Option<String>,
    #[serde(default)]
    page: Option<usize>,
    #[serde(default)]
    per_page: Option<usize>,
}

/// `GET /open/{council}/services`: an ORUK `Page` of full services, read a
/// page at a time from the database. `search` keeps the items whose title,
/// summary, details or category hold every word (at most 5).
#[utoipa::path(
    get,
    path = "/open/{council}/services",
    tag = "open data",
    params(("council" = String, Path, description = "A council id", example = "liverpool"), ListParams),
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "An ORUK page of services", body = Object),
        (status = 400, description = "validation_failed: a bad query string or a page past the end", body = ErrorBody),
        (status = 404, description = "not_found: no such council", body = ErrorBody),
    )
)]
pub async fn services(
    State(state): State<AppState>,
    Path(council_id): Path<String>,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<Value>> {
    let c = council(&state, &council_id).await?;
    let words: Vec<String> =
        params.search.unwrap_or_default().to_lowercase().split_whitespace().map(str::to_string).collect();
    let per_page = params.per_page.unwrap_or(50).clamp(1, MAX_PER_PAGE);
    let page = params.page.unwrap_or(1).max(1);
    // A page number so large that its first item's place does not fit in a
    // number (issue 15, finding 8) is a bad request, not a panic.
    let skip = (page - 1)
        .checked_mul(per_page)
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(|| ApiError::BadQuery(format!("page {page} is past the end of any list")))?;
    let (total, items) = offer::page(&state.db, &c.id, &words, per_page as i64, skip).await?;
    let total = usize::try_from(total).unwrap_or(0);
    let total_pages = total.div_ceil(per_page).max(1);
    let contents: Vec<Value> = items.iter().map(|i| oruk::to_service(i, &c.name)).collect();
    Ok(Json(json!({
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": contents.len(),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": contents.is_empty(),
        "contents": contents,
    })))
}

/// `GET /open/{council}/services/{id}`: one full service by its ORUK id.
#[utoipa::path(
    get,
    path = "/open/{council}/services/{id}",
    tag = "open data",
    params(("council" = String, Path, description = "A council id", example = "liverpool"), ("id" = String, Path, description = "An ORUK service id")),
    extensions(("x-pathway-roles" = json!(["anyone"]))),
    responses(
        (status = 200, description = "One ORUK service", body = Object),
        (status = 404, description = "not_found: no such council or service", body = ErrorBody),
    )
)]
pub async fn service(
    State(state): State<AppState>,
    Path((council_id, id)): Path<(String, String)>,
) -> Result<Json<Value>> {
    let c = council(&state, &council_id).await?;
    let item = offer::by_oruk_id(&state.db, &c.id, &id).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(oruk::to_service(&item, &c.name)))
}
