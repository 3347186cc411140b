//! Making accounts: a person added by a manager, a PA or the command line.
//! They have no passphrase until they redeem their code (`'!'` matches no
//! argon2 hash, so nobody can sign in as them before that).

use pathway_model::auth::Role;
use sqlx::AnyConnection;
use uuid::Uuid;

/// The hash a person has before they choose a passphrase.
pub const NO_PASSPHRASE: &str = "!";

pub struct NewPerson<'a> {
    pub council_id: &'a str,
    pub role: Role,
    pub first_name: &'a str,
    pub last_name: &'a str,
    /// Young people only: `YYYY-MM-DD`, legal status, circumstance words.
    pub date_of_birth: Option<String>,
    pub legal_status: Option<&'a str>,
    pub circumstances: String,
    pub advisor_id: Option<Uuid>,
}

/// Inserts the person with a username made from their name, and answers
/// their id and username.
pub async fn insert_person(conn: &mut AnyConnection, p: &NewPerson<'_>, now: i64) -> sqlx::Result<(Uuid, String)> {
    let username = free_username(conn, p.first_name, p.last_name).await?;
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO people (id, council_id, role, username, passphrase_hash, first_name, last_name,
                             date_of_birth, legal_status, circumstances, advisor_id, created_at, passphrase_set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL)",
    )
    .bind(id.to_string())
    .bind(p.council_id)
    .bind(p.role.as_str())
    .bind(&username)
    .bind(NO_PASSPHRASE)
    .bind(p.first_name.trim())
    .bind(p.last_name.trim())
    .bind(p.date_of_birth.clone())
    .bind(p.legal_status)
    .bind(&p.circumstances)
    .bind(p.advisor_id.map(|a| a.to_string()))
    .bind(now)
    .execute(conn)
    .await?;
    Ok((id, username))
}

/// "jade.w", or "jade.w2", "jade.w3" … when taken: easy to say and type.
async fn free_username(conn: &mut AnyConnection, first: &str, last: &str) -> sqlx::Result<String> {
    let base = username_base(first, last);
    for n in 1u32.. {
        let candidate = if n == 1 { base.clone() } else { format!("{base}{n}") };
        let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE username = $1")
            .bind(&candidate)
            .fetch_one(&mut *conn)
            .await?;
        if taken == 0 {
            return Ok(candidate);
        }
    }
    unreachable!("u32 ran out of usernames")
}

/// Letters a to z of the first name, a dot, and the last name's first
/// letter. Letters with accents lose them ("Zoë" → "zoe"); a name with no
/// such letters gives "person".
pub fn username_base(first: &str, last: &str) -> String {
    let plain = |s: &str| -> String {
        s.chars()
            .filter_map(|c| {
                let c = c.to_lowercase().next().unwrap_or(c);
                match c {
                    'a'..='z' => Some(c),
                    'à'..='å' => Some('a'),
                    'ç' => Some('c'),
                    'è'..='ë' => Some('e'),
                    'ì'..='ï' => Some('i'),
                    'ñ' => Some('n'),
                    'ò'..='ö' | 'ø' => Some('o'),
                    'ù'..='ü' => Some('u'),
                    'ý' | 'ÿ' => Some('y'),
                    _ => None,
                }
            })
            .collect()
    };
    let first = plain(first);
    let initial: String = plain(last).chars().take(1).collect();
    match (first.is_empty(), initial.is_empty()) {
        (true, _) => "person".into(),
        (false, true) => first,
        (false, false) => format!("{first}.{initial}"),
    }
}

#[cfg(test)]
mod tests {
    use super::username_base;

    #[test]
    fn usernames_are_plain_letters_from_the_name() {
        assert_eq!(username_base("Jade", "Williams"), "jade.w");
        assert_eq!(username_base("Zoë", "Ó Briain"), "zoe.o");
        assert_eq!(username_base("Mary-Jane", "Smith"), "maryjane.s");
        assert_eq!(username_base("李", "王"), "person");
    }
}
