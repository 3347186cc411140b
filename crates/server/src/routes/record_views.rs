//! `GET /me/record-views` ("Who looked at my record", issue 14 item 6): for
//! a young person, every read and change of her data by someone else, from
//! the audit trail, newest first, in her words: "Sam Okafor, your PA,
//! looked at your health entries". What each entry says is `words::did`,
//! the same words as her copy. Each opening of one of her health passport
//! share links is here too (issue 19), named by the link's label.

use axum::Json;
use axum::extract::State;
use pathway_model::caseload::RecordView;

use crate::auth::YoungPerson;
use crate::db::{audit, people, share_links};
use crate::error::{ApiError, Result};
use crate::state::AppState;
use crate::words;

/// The most entries one answer carries: about a year of a busy PA's reads.
pub const MOST: i64 = 500;

/// Young people only (staff get 403): what others did about her.
#[utoipa::path(
    get,
    path = "/me/record-views",
    tag = "people",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 200, description = "Who has looked at her records, when", body = Vec<RecordView>),
    )
)]
pub async fn record_views(
    State(state): State<AppState>,
    YoungPerson(caller): YoungPerson,
) -> Result<Json<Vec<RecordView>>> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let rows = audit::by_others(&state.db, caller.person_id, MOST).await?;
    let openings = share_links::opened_by_label(&state.db, &me.id, MOST).await?;
    let mut views: Vec<RecordView> = rows
        .into_iter()
        .map(|r| RecordView {
            at: r.at,
            role: match r.actor_role.as_str() {
                "advisor" if me.advisor_id.as_deref() == Some(r.actor_id.as_str()) => "your PA",
                "advisor" => "a PA",
                "manager" => "a manager",
                _ => "someone",
            }
            .to_string(),
            did: words::did(&r.action, r.detail.as_deref()),
            who: format!("{} {}", r.actor_first_name, r.actor_last_name),
        })
        .chain(openings.into_iter().map(|(label, at)| RecordView {
            at,
            who: label,
            role: "someone with your share link".into(),
            did: "opened your health passport".into(),
        }))
        .collect();
    views.sort_by_key(|v| std::cmp::Reverse(v.at));
    views.truncate(MOST as usize);
    Ok(Json(views))
}
