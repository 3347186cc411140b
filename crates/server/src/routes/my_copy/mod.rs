//! A young person's copy of everything the service holds about her (issue
//! 13, item 9): `GET /me/export` as a JSON file, and `GET /me/export/page`
//! as a plain page she can read, print or save as PDF. Both say the same:
//! her details, her council and PA, the people around her, every record of
//! hers (including those only she sees), and who did what about her, when.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use pathway_model::sync::EntityKind;
use serde::Serialize;
use uuid::Uuid;

pub(crate) mod page;

use crate::auth::YoungPerson;
use crate::db::audit::{self, AuditAction};
use crate::db::{Db, councils, export, now_ms, people};
use crate::error::{ApiError, Result};
use crate::rhythm::Histories;
use crate::state::AppState;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MyCopy {
    pub about: &'static str,
    /// Unix ms.
    pub made_at: i64,
    pub you: You,
    #[schema(value_type = Object)]
    pub council: councils::CouncilRow,
    pub personal_advisor: Option<Contact>,
    pub people_around_you: Vec<Contact>,
    pub records: Vec<Record>,
    pub who_did_what: Vec<Event>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct You {
    pub id: String,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: Option<String>,
    pub legal_status: Option<String>,
    pub circumstances: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub last_contact_with_your_pa: Option<String>,
    pub account_made_at: Option<i64>,
    pub passphrase_set_at: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Contact {
    pub role: String,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Record {
    pub kind: String,
    pub id: String,
    /// False for records only she sees (a health entry kept to herself).
    pub your_pa_can_see_it: bool,
    pub created_at: Option<i64>,
    pub updated_at: i64,
    #[schema(value_type = Object)]
    pub fields: serde_json::Value,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Event {
    pub at: i64,
    pub who: String,
    pub what: String,
    pub action: String,
    pub detail: Option<String>,
}

const ABOUT: &str = "Everything Pathway holds about you: your details, the people around you, every record \
                     of yours, and who did what about you, when.";

async fn gather(db: &Db, me: Uuid) -> Result<MyCopy> {
    let id = me.to_string();
    let person = people::get(db, &id).await?.ok_or(ApiError::Unauthenticated)?;
    let council = councils::get(db, &person.council_id).await?.ok_or(ApiError::Unauthenticated)?;
    let times = export::account_times(db, &id).await?;
    let personal_advisor = match person.advisor_id.as_deref() {
        Some(pa) => people::get(db, pa).await?.map(|pa| Contact {
            role: "Your personal advisor".into(),
            name: format!("{} {}", pa.first_name, pa.last_name),
            phone: pa.phone,
            email: pa.email,
            hours: None,
        }),
        None => None,
    };
    let people_around_you = people::contacts(db, &id)
        .await?
        .into_iter()
        .map(|c| Contact {
            role: match c.role.as_str() {
                "social_worker" => "Your social worker".into(),
                "iro" => "Your independent reviewing officer".into(),
                other => other.replace('_', " "),
            },
            name: c.name,
            phone: c.phone,
            email: c.email,
            hours: c.hours,
        })
        .collect();
    let stored = export::records(db, &id).await?;
    let last_contact = last_contact(me, &stored, person.created_at);
    let records = stored
        .into_iter()
        .map(|r| Record {
            fields: serde_json::from_str(&r.fields).unwrap_or(serde_json::Value::String(r.fields.clone())),
            kind: r.entity,
            id: r.id,
            your_pa_can_see_it: r.visible_to_pa != 0,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect();
    let who_did_what = audit::trail(db, &id)
        .await?
        .into_iter()
        .map(|e| Event {
            at: e.at,
            who: if e.actor_id == id {
                "You".into()
            } else {
                let role = match e.actor_role.as_str() {
                    "advisor" => "personal advisor",
                    "manager" => "manager",
                    _ => "young person",
                };
                format!("{} {} ({role})", e.actor_first_name, e.actor_last_name)
            },
            what: crate::words::did(&e.action, e.detail.as_deref()),
            action: e.action,
            detail: e.detail,
        })
        .collect();
    Ok(MyCopy {
        about: ABOUT,
        made_at: now_ms(),
        you: You {
            id,
            username: person.username,
            first_name: person.first_name,
            last_name: person.last_name,
            date_of_birth: person.date_of_birth,
            legal_status: person.legal_status,
            circumstances: person.circumstances.split_whitespace().map(String::from).collect(),
            phone: person.phone,
            email: person.email,
            last_contact_with_your_pa: last_contact.map(|d| d.to_string()),
            account_made_at: times.map(|t| t.0),
            passphrase_set_at: times.and_then(|t| t.1),
        },
        council,
        personal_advisor,
        people_around_you,
        records,
        who_did_what,
    })
}

/// Her last contact with a PA, from her contact records (`rhythm`).
fn last_contact(me: Uuid, records: &[export::RecordRow], created_at: i64) -> Option<chrono::NaiveDate> {
    let mut histories = Histories::default();
    for r in records.iter().filter(|r| r.entity == EntityKind::Contact.as_str()) {
        if let Ok(fields) = serde_json::from_str(&r.fields) {
            histories.add(me, EntityKind::Contact, &fields);
        }
    }
    histories.rhythm(me, created_at).last_contact
}

async fn downloaded(db: &Db, me: Uuid, how: &str) -> Result<()> {
    let mut conn = db.writer().acquire().await?;
    audit::record_with(&mut conn, me, me, AuditAction::DownloadedCopy, Some(how)).await?;
    Ok(())
}

/// A young person: her copy as a JSON file.
#[utoipa::path(
    get,
    path = "/me/export",
    tag = "my copy",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 200, description = "Her copy of everything held about her, as a JSON file", body = MyCopy),
    )
)]
pub async fn export_json(State(state): State<AppState>, YoungPerson(caller): YoungPerson) -> Result<Response> {
    downloaded(&state.db, caller.person_id, "json").await?;
    let copy = gather(&state.db, caller.person_id).await?;
    let mut response = Json(copy).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"pathway-my-copy.json\""));
    Ok(response)
}

/// A young person: her copy as a page to read, print or save as PDF. No
/// scripts; its one style sheet is allowed by its hash.
#[utoipa::path(
    get,
    path = "/me/export/page",
    tag = "my copy",
    security(("session" = [])),
    extensions(("x-pathway-roles" = json!(["young_person"]))),
    responses(
        (status = 200, description = "Her copy as a page to read or print", body = String, content_type = "text/html"),
    )
)]
pub async fn export_page(State(state): State<AppState>, YoungPerson(caller): YoungPerson) -> Result<Response> {
    downloaded(&state.db, caller.person_id, "page").await?;
    let copy = gather(&state.db, caller.person_id).await?;
    let mut response = axum::response::Html(page::render(&copy)).into_response();
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, page::PAGE_CSP.clone());
    Ok(response)
}
