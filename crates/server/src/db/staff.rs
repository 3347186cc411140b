//! What a manager reads and changes about their council's people: staff
//! with their caseload sizes, disabling and enabling them, and who is with
//! which PA. Every look-up takes the council, so another council's people
//! are never found (the routes answer 404, as for a missing id).

use sqlx::AnyConnection;

use super::Db;

/// A PA or manager of a council, as `GET /council/staff` lists them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRow {
    pub id: String,
    pub role: String,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub disabled_at: Option<i64>,
    pub passphrase_set_at: Option<i64>,
    pub second_factor_on: i64,
    /// Young people on their caseload whose account is open.
    pub caseload_size: i64,
}

pub async fn of_council(db: &Db, council_id: &str) -> sqlx::Result<Vec<StaffRow>> {
    sqlx::query_as(
        "SELECT s.id, s.role, s.username, s.first_name, s.last_name, s.disabled_at, s.passphrase_set_at,
                CASE WHEN s.totp_secret IS NULL THEN 0 ELSE 1 END AS second_factor_on,
                (SELECT COUNT(*) FROM people y WHERE y.advisor_id = s.id AND y.role = 'young_person'
                   AND y.disabled_at IS NULL AND y.closed_at IS NULL) AS caseload_size
         FROM people s WHERE s.council_id = $1 AND s.role IN ('advisor', 'manager')
         ORDER BY s.role, s.first_name, s.last_name",
    )
    .bind(council_id)
    .fetch_all(db.pool())
    .await
}

/// A staff member (PA or manager) of `council_id`, inside a transaction:
/// their role and whether they are disabled. `None` for anyone else.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffOf {
    pub id: String,
    pub role: String,
    pub first_name: String,
    pub username: String,
    pub disabled_at: Option<i64>,
}

pub async fn member(conn: &mut AnyConnection, council_id: &str, id: &str) -> sqlx::Result<Option<StaffOf>> {
    sqlx::query_as(
        "SELECT id, role, first_name, username, disabled_at FROM people
         WHERE id = $1 AND council_id = $2 AND role IN ('advisor', 'manager')",
    )
    .bind(id)
    .bind(council_id)
    .fetch_optional(conn)
    .await
}

/// Disables (`Some(now)`) or enables (`None`) a person. Disabling also ends
/// every session of theirs, in the same transaction: they are signed out
/// at their very next request.
pub async fn set_disabled(conn: &mut AnyConnection, id: &str, at: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("UPDATE people SET disabled_at = $1 WHERE id = $2").bind(at).bind(id).execute(&mut *conn).await?;
    if at.is_some() {
        sqlx::query("DELETE FROM auth_sessions WHERE person_id = $1").bind(id).execute(conn).await?;
    }
    Ok(())
}

/// A young person of a council with her PA, for moving her.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlacementRow {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: Option<String>,
    pub closed_at: Option<i64>,
    pub advisor_id: Option<String>,
    pub advisor_first_name: Option<String>,
    pub advisor_last_name: Option<String>,
}

pub async fn placements(db: &Db, council_id: &str) -> sqlx::Result<Vec<PlacementRow>> {
    sqlx::query_as(
        "SELECT y.id, y.first_name, y.last_name, y.date_of_birth, y.closed_at, y.advisor_id,
                a.first_name AS advisor_first_name, a.last_name AS advisor_last_name
         FROM people y LEFT JOIN people a ON a.id = y.advisor_id
         WHERE y.council_id = $1 AND y.role = 'young_person' AND y.disabled_at IS NULL
         ORDER BY y.first_name, y.last_name",
    )
    .bind(council_id)
    .fetch_all(db.pool())
    .await
}

/// A young person of `council_id`, inside the move's transaction: her PA
/// now and whether her account is closed. `None` for anyone else.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct YoungOf {
    pub advisor_id: Option<String>,
    pub closed_at: Option<i64>,
}

pub async fn young_person(conn: &mut AnyConnection, council_id: &str, id: &str) -> sqlx::Result<Option<YoungOf>> {
    sqlx::query_as(
        "SELECT advisor_id, closed_at FROM people
         WHERE id = $1 AND council_id = $2 AND role = 'young_person' AND disabled_at IS NULL",
    )
    .bind(id)
    .bind(council_id)
    .fetch_optional(conn)
    .await
}
