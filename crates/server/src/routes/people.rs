//! `GET /people/my-pa`: the young person's PA card for Home.

use axum::Json;
use axum::extract::State;
use pathway_model::people::{ContactCard, MyPa};

use crate::auth::YoungPerson;
use crate::db::{councils, people};
use crate::error::{ApiError, Result};
use crate::state::AppState;

/// Young people only: their own PA, and their council's team as a fallback.
pub async fn my_pa(State(state): State<AppState>, YoungPerson(caller): YoungPerson) -> Result<Json<MyPa>> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let advisor = match &me.advisor_id {
        Some(id) => people::get(&state.db, id).await?.map(|pa| ContactCard {
            name: format!("{} {}", pa.first_name, pa.last_name),
            role_label: "Your personal advisor".into(),
            phone: pa.phone.clone(),
            text: pa.phone,
            email: pa.email,
            hours: Some("Monday to Friday, 9am to 5pm".into()),
        }),
        None => None,
    };
    let council = councils::get(&state.db, &me.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("person without council".into()))?;
    Ok(Json(MyPa { advisor, leaving_care_team: council.team_card() }))
}
