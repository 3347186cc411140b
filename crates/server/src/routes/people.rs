//! `GET /people/my-pa`: the young person's PA card for Home.
//! `GET /people/mine`: everyone they can turn to, for My people.

use axum::Json;
use axum::extract::State;
use chrono::Datelike;
use pathway_model::age::age_on;
use pathway_model::people::{ContactCard, MyPa, MyPeople};

use crate::auth::YoungPerson;
use crate::clock::today;
use crate::db::people::{ContactRow, PersonRow};
use crate::db::{councils, people};
use crate::error::{ApiError, Result};
use crate::state::AppState;

/// Young people only: their own PA, and their council's team as a fallback.
#[utoipa::path(
    get,
    path = "/people/my-pa",
    tag = "people",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 200, description = "Her PA and the leaving care team", body = MyPa),
    )
)]
pub async fn my_pa(State(state): State<AppState>, YoungPerson(caller): YoungPerson) -> Result<Json<MyPa>> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let advisor = pa_card(&state, &me).await?;
    let council = councils::get(&state.db, &me.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("person without council".into()))?;
    Ok(Json(MyPa { advisor, leaving_care_team: council.team_card() }))
}

const OFFICE_HOURS: &str = "Monday to Friday, 9am to 5pm";

async fn pa_card(state: &AppState, me: &PersonRow) -> Result<Option<ContactCard>> {
    let Some(id) = &me.advisor_id else { return Ok(None) };
    Ok(people::get(&state.db, id).await?.map(|pa| ContactCard {
        name: format!("{} {}", pa.first_name, pa.last_name),
        role_label: "Your personal advisor (PA): helps you with your plan, money, housing, and anything else".into(),
        phone: pa.phone.clone(),
        // PAs' numbers are work mobiles, which take texts.
        text: pa.phone,
        email: pa.email,
        hours: Some(OFFICE_HOURS.into()),
    }))
}

fn contact_card(c: &ContactRow) -> ContactCard {
    let role_label = match c.role.as_str() {
        "social_worker" => "Your social worker: responsible for your care until you are 18",
        _ => "Your independent reviewing officer (IRO): checks your care plan is right for you and chairs your reviews",
    };
    ContactCard {
        name: c.name.clone(),
        role_label: role_label.into(),
        phone: c.phone.clone(),
        email: c.email.clone(),
        text: None,
        hours: c.hours.clone(),
    }
}

/// Young people only: their PA, social worker and IRO (under 18), and their
/// council's leaving-care and out-of-hours teams.
#[utoipa::path(
    get,
    path = "/people/mine",
    tag = "people",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 200, description = "The people around her", body = MyPeople),
    )
)]
pub async fn mine(State(state): State<AppState>, YoungPerson(caller): YoungPerson) -> Result<Json<MyPeople>> {
    let me = people::get(&state.db, &caller.person_id.to_string()).await?.ok_or(ApiError::Unauthenticated)?;
    let council = councils::get(&state.db, &me.council_id)
        .await?
        .ok_or_else(|| ApiError::Internal("person without council".into()))?;
    let born = me.date_of_birth()?;
    let today = today();
    let age = age_on(born, today);
    let next_birthday = (0..=1)
        .filter_map(|n| {
            born.with_year(today.year() + n).or_else(|| chrono::NaiveDate::from_ymd_opt(today.year() + n, 3, 1))
        })
        .find(|d| *d > today)
        .map(|d| d.to_string())
        .unwrap_or_default();
    // A social worker and IRO are for young people still in care (under 18).
    let contacts = if age < 18 { people::contacts(&state.db, &me.id).await? } else { Vec::new() };
    let find = |role: &str| contacts.iter().find(|c| c.role == role).map(contact_card);
    Ok(Json(MyPeople {
        pa: pa_card(&state, &me).await?,
        social_worker: find("social_worker"),
        iro: find("iro"),
        leaving_care_team: council.team_card(),
        duty_team: council.duty_card(),
        council_name: council.name.clone(),
        sample_data: council.sample_data != 0,
        age,
        next_birthday,
    }))
}
