//! Moving a young person to another PA (decision 0006): her records go to
//! the new PA's devices as if new, and the old PA's devices forget her.

use sqlx::AnyConnection;
use uuid::Uuid;

/// What a move did, for the audit trail and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// The version taken for the move itself; the old PA's devices whose
    /// cursor is below it are told to forget her.
    pub version: i64,
    /// Her records the new PA may see, each given a new version above
    /// `version`.
    pub records: i64,
}

/// Moves `person` from `from` to `to`, inside the caller's transaction,
/// which took `version` from the change counter first (`next_version`) and
/// so holds it: nobody else takes a version until it commits.
///
/// - Every record of hers a PA may see gets its own new version, and
///   `seen_by` = the new PA from that version: the new PA's next pull,
///   from any cursor, brings her whole visible history, in version order,
///   so paging stays correct.
/// - Her other records (hidden from PAs, or deleted) are seen by nobody:
///   no PA's device will ever hear of them, not even by id.
/// - The old PA gets a departure row: their devices that pulled before
///   it are told to forget her.
pub async fn move_young_person(
    conn: &mut AnyConnection,
    version: i64,
    person: Uuid,
    from: Option<Uuid>,
    to: Option<Uuid>,
    now: i64,
) -> sqlx::Result<Moved> {
    let person_s = person.to_string();
    sqlx::query("UPDATE people SET advisor_id = $1 WHERE id = $2")
        .bind(to.map(|t| t.to_string()))
        .bind(&person_s)
        .execute(&mut *conn)
        .await?;
    // Nobody sees what no PA may see, whoever she was with before.
    sqlx::query(
        "UPDATE sync_records SET seen_by = NULL, seen_from = NULL
         WHERE owner_id = $1 AND NOT (visible_to_pa = 1 AND deleted = 0)",
    )
    .bind(&person_s)
    .execute(&mut *conn)
    .await?;
    let records = match to {
        Some(to) => {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM sync_records WHERE owner_id = $1 AND visible_to_pa = 1 AND deleted = 0",
            )
            .bind(&person_s)
            .fetch_one(&mut *conn)
            .await?;
            if n > 0 {
                // One distinct version each, above `version`: the counter
                // moves past them all.
                sqlx::query("UPDATE change_counter SET value = value + $1 WHERE id = 1")
                    .bind(n)
                    .execute(&mut *conn)
                    .await?;
                sqlx::query(
                    "UPDATE sync_records SET version = $2 + n.rn, seen_by = $3, seen_from = $2 + n.rn
                     FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY version) AS rn
                           FROM sync_records WHERE owner_id = $1 AND visible_to_pa = 1 AND deleted = 0) AS n
                     WHERE sync_records.id = n.id",
                )
                .bind(&person_s)
                .bind(version)
                .bind(to.to_string())
                .execute(&mut *conn)
                .await?;
            }
            n
        }
        None => {
            sqlx::query("UPDATE sync_records SET seen_by = NULL, seen_from = NULL WHERE owner_id = $1")
                .bind(&person_s)
                .execute(&mut *conn)
                .await?;
            0
        }
    };
    if let Some(from) = from {
        sqlx::query("INSERT INTO caseload_departures (person_id, advisor_id, version, at) VALUES ($1, $2, $3, $4)")
            .bind(&person_s)
            .bind(from.to_string())
            .bind(version)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(Moved { version, records })
}

/// Young people who left `advisor`'s caseload at a version in
/// `(since, upto]`: a device of theirs at `since` still holds their
/// records. None for a device pulling from the start.
pub async fn departures(conn: &mut AnyConnection, advisor: Uuid, since: i64, upto: i64) -> sqlx::Result<Vec<Uuid>> {
    if since <= 0 {
        return Ok(vec![]);
    }
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT person_id FROM caseload_departures WHERE advisor_id = $1 AND version > $2 AND version <= $3
         ORDER BY person_id",
    )
    .bind(advisor.to_string())
    .bind(since)
    .bind(upto)
    .fetch_all(conn)
    .await?;
    Ok(ids.iter().filter_map(|id| Uuid::parse_str(id).ok()).collect())
}
