//! Demo data: three councils, their PAs, managers and young people, from
//! data/demo/people.json (compiled in, so the binary seeds anywhere). All of
//! it is invented and the councils are flagged `sample_data`, which the app
//! shows on every screen that displays them.

use chrono::{Days, Months, NaiveDate};
use pathway_model::profile::{Circumstance, LegalStatus};
use serde::Deserialize;
use thiserror::Error;
use uuid::Uuid;

mod contacts;
pub mod health;
mod plan;
mod records;

use crate::auth::passphrase;
use crate::db::councils::{self, CouncilRow};
use crate::db::people::{self, NewPerson, PersonRow};
use crate::db::{Db, now_ms};

const DEMO_JSON: &str = include_str!("../../../../data/demo/people.json");

/// Each demo council's sample offer (data/offers/, OfferItem JSON).
const DEMO_OFFERS: [(&str, &str); 3] = [
    ("liverpool", include_str!("../../../../data/offers/liverpool.json")),
    ("knowsley", include_str!("../../../../data/offers/knowsley.json")),
    ("wirral", include_str!("../../../../data/offers/wirral.json")),
];

#[derive(Debug, Error)]
pub enum SeedError {
    #[error("demo data file is invalid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("demo data refers to an unknown {kind} {name:?}")]
    UnknownReference { kind: &'static str, name: String },
    #[error("could not hash the demo passphrase")]
    Hash,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Api(#[from] crate::error::ApiError),
}

#[derive(Deserialize)]
struct DemoFile {
    passphrase: String,
    councils: Vec<DemoCouncil>,
    advisors: Vec<DemoStaff>,
    managers: Vec<DemoStaff>,
    young_people: Vec<DemoYoungPerson>,
}

#[derive(Deserialize)]
struct DemoCouncil {
    id: String,
    name: String,
    team_phone: String,
    team_email: String,
    duty_phone: String,
    duty_hours: String,
}

#[derive(Deserialize)]
struct DemoStaff {
    username: String,
    council: String,
    first_name: String,
    last_name: String,
    phone: Option<String>,
    email: Option<String>,
}

#[derive(Deserialize)]
struct DemoYoungPerson {
    username: String,
    council: String,
    /// `None`: no PA now (closed to the service, can ask for one back).
    advisor: Option<String>,
    first_name: String,
    last_name: String,
    age_years: u32,
    extra_days: u64,
    status: String,
    circumstances: Vec<String>,
    /// Her last contact with a PA (`None`: never); earlier ones are made
    /// about eight weeks apart before it (`contacts`).
    last_contact_days_ago: Option<u64>,
    /// Times her PA tried and missed her.
    #[serde(default)]
    missed_days_ago: Vec<u64>,
    #[serde(default)]
    last_review_days_ago: Option<u64>,
    /// Social worker and IRO (under 18).
    #[serde(default)]
    contacts: Vec<DemoContact>,
}

#[derive(Deserialize)]
struct DemoContact {
    role: String,
    name: String,
    phone: Option<String>,
    email: Option<String>,
    hours: Option<String>,
}

pub enum SeedOutcome {
    Seeded { people: usize },
    AlreadyHasData,
}

/// Seeds the demo data if the database has no councils yet; otherwise does
/// nothing, so it is safe to run at every start.
pub async fn seed_if_empty(db: &Db, today: NaiveDate) -> Result<SeedOutcome, SeedError> {
    if councils::count(db).await? > 0 {
        return Ok(SeedOutcome::AlreadyHasData);
    }
    let file: DemoFile = serde_json::from_str(DEMO_JSON)?;
    // One hash for the one shared, published demo passphrase: hashing it per
    // person would only slow every test database down.
    let hash = passphrase::hash(&file.passphrase).map_err(|_| SeedError::Hash)?;
    let now = now_ms();

    for c in &file.councils {
        let row = CouncilRow {
            id: c.id.clone(),
            name: c.name.clone(),
            team_phone: Some(c.team_phone.clone()),
            team_email: Some(c.team_email.clone()),
            sample_data: 1,
            duty_phone: Some(c.duty_phone.clone()),
            duty_hours: Some(c.duty_hours.clone()),
        };
        councils::insert(db, &row).await?;
    }
    for (council, json) in DEMO_OFFERS {
        let items: Vec<pathway_model::offer::OfferItem> = serde_json::from_str(json)?;
        crate::db::offer::replace(db, council, &items, "Pathway sample data").await?;
    }
    let council_exists = |id: &str| file.councils.iter().any(|c| c.id == id);

    let mut advisor_ids = std::collections::HashMap::new();
    let mut count = 0;
    for (role, staff) in [("advisor", &file.advisors), ("manager", &file.managers)] {
        for s in staff {
            if !council_exists(&s.council) {
                return Err(SeedError::UnknownReference { kind: "council", name: s.council.clone() });
            }
            let id = Uuid::now_v7().to_string();
            if role == "advisor" {
                advisor_ids.insert(s.username.clone(), id.clone());
            }
            let row = PersonRow {
                id,
                council_id: s.council.clone(),
                role: role.into(),
                username: s.username.clone(),
                first_name: s.first_name.clone(),
                last_name: s.last_name.clone(),
                phone: s.phone.clone(),
                email: s.email.clone(),
                date_of_birth: None,
                legal_status: None,
                circumstances: String::new(),
                advisor_id: None,
                created_at: now,
            };
            people::insert(db, NewPerson { row: &row, passphrase_hash: &hash }).await?;
            count += 1;
        }
    }

    for y in &file.young_people {
        if !council_exists(&y.council) {
            return Err(SeedError::UnknownReference { kind: "council", name: y.council.clone() });
        }
        let advisor_id = match &y.advisor {
            Some(name) => Some(
                advisor_ids
                    .get(name)
                    .cloned()
                    .ok_or_else(|| SeedError::UnknownReference { kind: "advisor", name: name.clone() })?,
            ),
            None => None,
        };
        let status = LegalStatus::parse(&y.status)
            .ok_or_else(|| SeedError::UnknownReference { kind: "status", name: y.status.clone() })?;
        let mut circumstances = Vec::new();
        for c in &y.circumstances {
            let c = Circumstance::parse(c)
                .ok_or_else(|| SeedError::UnknownReference { kind: "circumstance", name: c.clone() })?;
            circumstances.push(c.as_str());
        }
        let born = born_on(y, today);
        let row = PersonRow {
            id: Uuid::now_v7().to_string(),
            council_id: y.council.clone(),
            role: "young_person".into(),
            username: y.username.clone(),
            first_name: y.first_name.clone(),
            last_name: y.last_name.clone(),
            phone: None,
            email: None,
            date_of_birth: Some(born.to_string()),
            legal_status: Some(status.as_str().into()),
            circumstances: circumstances.join(" "),
            advisor_id,
            created_at: known_since(y, today).and_hms_opt(9, 0, 0).map_or(now, |t| t.and_utc().timestamp_millis()),
        };
        people::insert(db, NewPerson { row: &row, passphrase_hash: &hash }).await?;
        for c in &y.contacts {
            if let Some(problem) = c.phone.as_deref().and_then(pathway_model::people::phone_problem) {
                return Err(SeedError::UnknownReference {
                    kind: "phone number",
                    name: format!("{}: {problem}", c.name),
                });
            }
            let contact = people::ContactRow {
                person_id: row.id.clone(),
                role: c.role.clone(),
                name: c.name.clone(),
                phone: c.phone.clone(),
                email: c.email.clone(),
                hours: c.hours.clone(),
            };
            people::upsert_contact(&mut *db.pool().acquire().await?, &contact).await?;
        }
        count += 1;
    }
    // Sample staff may skip the second factor (the sign-in page says so);
    // everyone's passphrase is the published demo one, set now.
    sqlx::query(
        "UPDATE people SET passphrase_set_at = $1,
           second_factor_optional = CASE WHEN role = 'young_person' THEN 0 ELSE 1 END
         WHERE council_id IN (SELECT id FROM councils WHERE sample_data = 1)",
    )
    .bind(now)
    .execute(db.writer())
    .await?;
    Ok(SeedOutcome::Seeded { people: count })
}

fn born_on(y: &DemoYoungPerson, today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(12 * y.age_years))
        .and_then(|d| d.checked_sub_days(Days::new(y.extra_days)))
        .unwrap_or(today)
}

/// A demo young person has been known to the leaving-care service since
/// her 16th birthday: her account counts as made then, so her first
/// contact and review are due from it (`rhythm::known_since`).
fn known_since(y: &DemoYoungPerson, today: NaiveDate) -> NaiveDate {
    born_on(y, today).checked_add_months(Months::new(12 * 16)).filter(|d| *d <= today).unwrap_or(today)
}

/// Sample records as the app would have written them: everyone's contact
/// history and health history (`health`), Jade's pathway plan and her last meeting with what was agreed.
/// Only `serve --demo` and `seed-demo` add these; the test suites start
/// from people with no records, so each test sees only what it wrote.
pub async fn seed_sample_records(db: &Db, today: NaiveDate) -> Result<(), SeedError> {
    let file: DemoFile = serde_json::from_str(DEMO_JSON)?;
    for y in &file.young_people {
        let Some(row) = people::by_username(db, &y.username).await? else { continue };
        // Someone with no PA now was seen by one of her council's PAs before.
        let pa_name = y
            .advisor
            .clone()
            .or_else(|| file.advisors.iter().find(|a| a.council == y.council).map(|a| a.username.clone()));
        let Some(pa) = pa_name else { continue };
        let pa = people::by_username(db, &pa)
            .await?
            .ok_or_else(|| SeedError::UnknownReference { kind: "advisor", name: pa.clone() })?;
        let id = |s: &str| Uuid::parse_str(s).map_err(|e| crate::error::ApiError::Internal(e.to_string()));
        let history = contacts::History {
            last_contact_days_ago: y.last_contact_days_ago,
            missed_days_ago: y.missed_days_ago.clone(),
            last_review_days_ago: y.last_review_days_ago,
            known_for_days: (today - known_since(y, today)).num_days().max(0) as u64,
            with_meeting: y.username == "jade",
        };
        contacts::seed(db, id(&row.id)?, id(&pa.id)?, &history, today).await?;
        let person = health::Person {
            username: &y.username,
            first_name: &y.first_name,
            born: born_on(y, today),
            council: &y.council,
            recorded_by: format!("{} (PA)", pa.full_name()),
        };
        health::seed(db, id(&row.id)?, id(&pa.id)?, &person, today).await?;
        if y.username == "jade" {
            plan::seed(db, &row, today).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
