//! People of every role: young people, PAs (advisors) and managers.

use super::Db;
use crate::error::ApiError;

/// Everything stored about a person except the passphrase hash.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    pub id: String,
    pub council_id: String,
    pub role: String,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub date_of_birth: Option<String>,
    pub legal_status: Option<String>,
    pub circumstances: String,
    pub advisor_id: Option<String>,
    /// Unix ms. Her first contact and review are counted from this day
    /// (`rhythm::known_since`).
    pub created_at: i64,
}

impl PersonRow {
    /// "Sam Okafor": how staff and history lines name a person.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// The date of birth, for young people (stored as `YYYY-MM-DD`).
    pub fn born(&self) -> Option<chrono::NaiveDate> {
        self.date_of_birth.as_deref().and_then(pathway_model::date::parse)
    }

    /// The date of birth of someone who must have one (a young person whose
    /// age a route shows): its absence is a broken row, not a user error.
    pub fn date_of_birth(&self) -> Result<chrono::NaiveDate, ApiError> {
        self.born().ok_or_else(|| ApiError::Internal(format!("young person {} has no date of birth", self.id)))
    }
}

/// The columns of `PersonRow`, as a literal so queries stay `&'static str`
/// (sqlx refuses SQL built at run time, a guard against injection).
macro_rules! person_columns {
    () => {
        "id, council_id, role, username, first_name, last_name, phone, email, \
         date_of_birth, legal_status, circumstances, advisor_id, created_at"
    };
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Credentials {
    pub id: String,
    pub role: String,
    pub passphrase_hash: String,
    pub disabled_at: Option<i64>,
}

pub async fn credentials(db: &Db, username: &str) -> sqlx::Result<Option<Credentials>> {
    sqlx::query_as("SELECT id, role, passphrase_hash, disabled_at FROM people WHERE username = $1")
        .bind(username)
        .fetch_optional(db.pool())
        .await
}

pub async fn get(db: &Db, id: &str) -> sqlx::Result<Option<PersonRow>> {
    sqlx::query_as(concat!("SELECT ", person_columns!(), " FROM people WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await
}

/// A person's name and role with their council's summary: what `GET /me`
/// answers. One query, not two: `/me` is on every app start.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeRow {
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub council_id: String,
    pub council_name: String,
    pub sample_data: i64,
}

pub async fn me(db: &Db, id: &str) -> sqlx::Result<Option<MeRow>> {
    sqlx::query_as(
        "SELECT p.first_name, p.last_name, p.role, c.id AS council_id, c.name AS council_name, c.sample_data
         FROM people p JOIN councils c ON c.id = p.council_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await
}

pub async fn by_username(db: &Db, username: &str) -> sqlx::Result<Option<PersonRow>> {
    sqlx::query_as(concat!("SELECT ", person_columns!(), " FROM people WHERE username = $1"))
        .bind(username)
        .fetch_optional(db.pool())
        .await
}

/// The young people whose PA is `advisor_id`, by first name.
pub async fn caseload(db: &Db, advisor_id: &str) -> sqlx::Result<Vec<PersonRow>> {
    sqlx::query_as(concat!(
        "SELECT ",
        person_columns!(),
        " FROM people WHERE advisor_id = $1 AND role = 'young_person' AND disabled_at IS NULL
          AND closed_at IS NULL ORDER BY first_name, last_name"
    ))
    .bind(advisor_id)
    .fetch_all(db.pool())
    .await
}

/// One young person, but only if `advisor_id` is their PA and her account
/// is open. A PA asking for anyone else gets `None`, exactly as if the
/// person did not exist.
pub async fn on_caseload(db: &Db, advisor_id: &str, person_id: &str) -> sqlx::Result<Option<PersonRow>> {
    sqlx::query_as(concat!(
        "SELECT ",
        person_columns!(),
        " FROM people WHERE id = $1 AND advisor_id = $2 AND role = 'young_person' AND disabled_at IS NULL",
        " AND closed_at IS NULL"
    ))
    .bind(person_id)
    .bind(advisor_id)
    .fetch_optional(db.pool())
    .await
}

/// Counts for a manager's figures: young people with an open account, and
/// PAs. Who is out of touch comes from records (`routes::council`).
pub async fn council_counts(db: &Db, council_id: &str) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(
        "SELECT
           COALESCE(SUM(CASE WHEN role = 'young_person' AND closed_at IS NULL THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN role = 'advisor' THEN 1 ELSE 0 END), 0)
         FROM people WHERE council_id = $1 AND disabled_at IS NULL",
    )
    .bind(council_id)
    .fetch_one(db.pool())
    .await
}

/// A person with a passphrase already chosen (the demo's): it counts as set
/// now, unless the hash is `accounts::NO_PASSPHRASE`.
pub struct NewPerson<'a> {
    pub row: &'a PersonRow,
    pub passphrase_hash: &'a str,
}

pub async fn insert(db: &Db, p: NewPerson<'_>) -> sqlx::Result<()> {
    let r = p.row;
    sqlx::query(
        "INSERT INTO people (id, council_id, role, username, passphrase_hash, first_name, last_name,
           phone, email, date_of_birth, legal_status, circumstances, advisor_id, created_at, passphrase_set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
           CASE WHEN $5 = '!' THEN NULL ELSE $14 END)",
    )
    .bind(&r.id)
    .bind(&r.council_id)
    .bind(&r.role)
    .bind(&r.username)
    .bind(p.passphrase_hash)
    .bind(&r.first_name)
    .bind(&r.last_name)
    .bind(&r.phone)
    .bind(&r.email)
    .bind(&r.date_of_birth)
    .bind(&r.legal_status)
    .bind(&r.circumstances)
    .bind(&r.advisor_id)
    .bind(r.created_at)
    .execute(db.writer())
    .await?;
    Ok(())
}

pub async fn set_disabled(db: &Db, id: &str, at: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("UPDATE people SET disabled_at = $1 WHERE id = $2").bind(at).bind(id).execute(db.writer()).await?;
    Ok(())
}

/// A social worker or independent reviewing officer: not a Pathway user.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactRow {
    pub person_id: String,
    /// `social_worker` or `iro`.
    pub role: String,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
}

pub async fn contacts(db: &Db, person_id: &str) -> sqlx::Result<Vec<ContactRow>> {
    sqlx::query_as("SELECT person_id, role, name, phone, email, hours FROM person_contacts WHERE person_id = $1")
        .bind(person_id)
        .fetch_all(db.pool())
        .await
}

/// Records or replaces a young person's social worker or IRO.
pub async fn upsert_contact(conn: &mut sqlx::AnyConnection, c: &ContactRow) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO person_contacts (person_id, role, name, phone, email, hours) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (person_id, role) DO UPDATE SET name = excluded.name, phone = excluded.phone,
           email = excluded.email, hours = excluded.hours",
    )
    .bind(&c.person_id)
    .bind(&c.role)
    .bind(&c.name)
    .bind(&c.phone)
    .bind(&c.email)
    .bind(&c.hours)
    .execute(conn)
    .await?;
    Ok(())
}

/// The young people of a council with an open account, by name: whom a
/// manager's figures and oversight count.
pub async fn open_of_council(db: &Db, council_id: &str) -> sqlx::Result<Vec<PersonRow>> {
    sqlx::query_as(concat!(
        "SELECT ",
        person_columns!(),
        " FROM people WHERE council_id = $1 AND role = 'young_person' AND disabled_at IS NULL",
        " AND closed_at IS NULL ORDER BY first_name, last_name"
    ))
    .bind(council_id)
    .fetch_all(db.pool())
    .await
}

/// The PAs of `council_id`'s young people, wherever the PA works, with
/// their names: `(id, first name, last name)`, in one query for a list
/// that names them (never one query per PA).
pub async fn pa_names_of_council(db: &Db, council_id: &str) -> sqlx::Result<Vec<(String, String, String)>> {
    sqlx::query_as(
        "SELECT DISTINCT pa.id, pa.first_name, pa.last_name FROM people y JOIN people pa ON pa.id = y.advisor_id
         WHERE y.council_id = $1 AND y.role = 'young_person'",
    )
    .bind(council_id)
    .fetch_all(db.pool())
    .await
}

/// A young person on `advisor_id`'s caseload with an open account, read
/// inside a transaction: what a new code for her needs. `None` for anyone
/// else, as if she did not exist.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseloadMember {
    pub first_name: String,
    pub username: String,
    /// NULL until she first chooses a passphrase.
    pub passphrase_set_at: Option<i64>,
}

pub async fn caseload_member(
    conn: &mut sqlx::AnyConnection,
    advisor_id: &str,
    person_id: &str,
) -> sqlx::Result<Option<CaseloadMember>> {
    sqlx::query_as(
        "SELECT first_name, username, passphrase_set_at FROM people
         WHERE id = $1 AND advisor_id = $2 AND role = 'young_person' AND disabled_at IS NULL AND closed_at IS NULL",
    )
    .bind(person_id)
    .bind(advisor_id)
    .fetch_optional(conn)
    .await
}

/// A young person's profile as a PA edits it; `circumstances` are the
/// space-separated words (see pathway_model::profile).
pub struct ProfileUpdate<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub date_of_birth: String,
    pub legal_status: &'a str,
    pub circumstances: String,
}

pub async fn update_profile(conn: &mut sqlx::AnyConnection, id: &str, p: &ProfileUpdate<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE people SET first_name = $1, last_name = $2, date_of_birth = $3, legal_status = $4, circumstances = $5
         WHERE id = $6",
    )
    .bind(p.first_name)
    .bind(p.last_name)
    .bind(&p.date_of_birth)
    .bind(p.legal_status)
    .bind(&p.circumstances)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A young person's PA, if she has one, read inside a transaction.
pub async fn advisor_of(conn: &mut sqlx::AnyConnection, person: uuid::Uuid) -> sqlx::Result<Option<uuid::Uuid>> {
    let id: Option<Option<String>> = sqlx::query_scalar("SELECT advisor_id FROM people WHERE id = $1")
        .bind(person.to_string())
        .fetch_optional(conn)
        .await?;
    Ok(id.flatten().and_then(|a| uuid::Uuid::parse_str(&a).ok()))
}
