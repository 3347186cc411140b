//! Starting a deployment from the command line (issue 13, item 1): add a
//! council, then its first manager, who gets a one-time set-up code. The
//! binary's `add-council` and `add-manager` call these; so do the tests.

use pathway_model::auth::Role;
use pathway_model::code::{self, CodePurpose};
use thiserror::Error;

use crate::db::accounts::{self, NewPerson};
use crate::db::audit::{self, AuditAction};
use crate::db::councils::{self, CouncilRow};
use crate::db::{Db, codes};

/// What `serve` logs when there is nobody to sign in as.
pub const HOW_TO_BEGIN: &str = "There is no council yet. To begin, add one and its first manager:\n  \
pathway-server add-council --id wirral --name \"Wirral Council\"\n  \
pathway-server add-manager --council wirral --first-name Sam --last-name Jones\n\
The manager signs in with the set-up code the second command prints. (Or try the sample data: serve --demo.)";

#[derive(Debug, Error)]
pub enum SetupError {
    #[error("a council with the id {0:?} already exists")]
    CouncilTaken(String),
    #[error("no council has the id {0:?}; add it first with add-council")]
    UnknownCouncil(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A council id is part of web addresses (`/api/v1/open/wirral/`): lower-case
/// letters, digits and dashes.
fn check_id(id: &str) -> Result<(), SetupError> {
    let ok = !id.is_empty()
        && id.len() <= 40
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(SetupError::Invalid(format!(
            "the council id {id:?} must be 1 to 40 lower-case letters, digits and dashes, like \"wirral\""
        )))
    }
}

fn tidy(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// Adds a real council (never sample data), its fields trimmed.
pub async fn add_council(db: &Db, c: &CouncilRow) -> Result<(), SetupError> {
    check_id(&c.id)?;
    let name = c.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(SetupError::Invalid("the council's name must be 1 to 100 characters".into()));
    }
    if let Some(problem) = tidy(&c.duty_phone).as_deref().and_then(pathway_model::people::phone_problem) {
        return Err(SetupError::Invalid(format!("duty phone: {problem}")));
    }
    if let Some(problem) = tidy(&c.team_phone).as_deref().and_then(pathway_model::people::phone_problem) {
        return Err(SetupError::Invalid(format!("team phone: {problem}")));
    }
    if councils::get(db, &c.id).await?.is_some() {
        return Err(SetupError::CouncilTaken(c.id.clone()));
    }
    let row = CouncilRow {
        id: c.id.clone(),
        name: name.to_string(),
        team_phone: tidy(&c.team_phone),
        team_email: tidy(&c.team_email),
        sample_data: 0,
        duty_phone: tidy(&c.duty_phone),
        duty_hours: tidy(&c.duty_hours),
    };
    councils::insert(db, &row).await.map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => SetupError::CouncilTaken(c.id.clone()),
        _ => SetupError::Db(e),
    })
}

/// A new manager and their set-up code.
#[derive(Debug)]
pub struct ManagerAdded {
    pub username: String,
    /// As shown: "K7QM-4PXD".
    pub code: String,
    pub expires_at: i64,
}

/// Adds a manager to `council` with a one-time set-up code, in one
/// transaction (the audit row names the manager as both actor and subject:
/// the command line is nobody).
pub async fn add_manager(
    db: &Db,
    council: &str,
    first_name: &str,
    last_name: &str,
    now: i64,
) -> Result<ManagerAdded, SetupError> {
    let (first, last) = (first_name.trim(), last_name.trim());
    if first.is_empty() || last.is_empty() || first.chars().count() > 60 || last.chars().count() > 60 {
        return Err(SetupError::Invalid("first and last name must each be 1 to 60 characters".into()));
    }
    if councils::get(db, council).await?.is_none() {
        return Err(SetupError::UnknownCouncil(council.to_string()));
    }
    let mut tx = db.writer().begin().await?;
    let person = NewPerson {
        council_id: council,
        role: Role::Manager,
        first_name: first,
        last_name: last,
        date_of_birth: None,
        legal_status: None,
        circumstances: String::new(),
        advisor_id: None,
    };
    let (id, username) = accounts::insert_person(&mut tx, &person, now).await?;
    let issued = codes::issue(&mut tx, id, CodePurpose::StaffSetUp, None, now).await?;
    audit::record_with(&mut tx, id, id, AuditAction::AddedAccount, Some("command line")).await?;
    audit::record_with(&mut tx, id, id, AuditAction::IssuedCode, Some(CodePurpose::StaffSetUp.as_str())).await?;
    tx.commit().await?;
    Ok(ManagerAdded { username, code: code::display(&issued.code), expires_at: issued.expires_at })
}

/// Whether the database has no council: `serve` then says how to begin.
pub async fn has_no_council(db: &Db) -> Result<bool, SetupError> {
    Ok(councils::count(db).await? == 0)
}
