//! The audit trail: every time staff read or change a young person's record.
//! Written in the same transaction (or the same request, for reads) as the
//! access it records, so there is no access without a trace. What each
//! entry says to her is in `words`.

use sqlx::AnyConnection;
use uuid::Uuid;

use super::now_ms;

/// What someone did about a young person. `in_her_words` says each one as
/// she reads it in "Who looked at my record" and in her copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    ViewedOverview,
    /// A PA's device received changed records of this young person; the
    /// detail lists their kinds (`kinds_detail`).
    SyncedRecords,
    /// A PA (or a manager, on the inbox) changed one of this young
    /// person's records; the detail is its kind.
    ChangedRecord,
    /// A manager's inbox listed this young person's request or alert; the
    /// detail lists their kinds.
    ViewedRequests,
    /// A PA's caseload list showed this young person.
    ViewedCaseload,
    /// A manager's oversight ("Keeping in touch") named this young person.
    ViewedOversight,
    /// A manager's list of the council's young people showed her.
    ViewedYoungPeople,
    /// A PA recorded her social worker or IRO; the detail is which.
    SetContact,
    // Accounts (issue 13): the subject is the person acted on.
    /// A manager added a staff member, or a PA registered a young person.
    AddedAccount,
    /// A new set-up, invite or reset code was made for the subject.
    IssuedCode,
    /// A PA changed a young person's name, date of birth or circumstances.
    EditedProfile,
    DisabledAccount,
    EnabledAccount,
    /// A manager moved a young person to another PA (or to none).
    MovedToAdvisor,
    /// The subject signed out one of their own sessions elsewhere.
    EndedSession,
    /// The subject changed their own passphrase.
    ChangedPassphrase,
    /// The subject redeemed a code and chose a passphrase.
    RedeemedCode,
    /// The subject switched on their second factor.
    SetUpSecondFactor,
    /// The subject downloaded their copy of everything.
    DownloadedCopy,
    /// The subject closed their account.
    ClosedAccount,
}

impl AuditAction {
    pub const ALL: [AuditAction; 20] = [
        AuditAction::ViewedOverview,
        AuditAction::SyncedRecords,
        AuditAction::ChangedRecord,
        AuditAction::ViewedRequests,
        AuditAction::ViewedCaseload,
        AuditAction::ViewedOversight,
        AuditAction::ViewedYoungPeople,
        AuditAction::SetContact,
        AuditAction::AddedAccount,
        AuditAction::IssuedCode,
        AuditAction::EditedProfile,
        AuditAction::DisabledAccount,
        AuditAction::EnabledAccount,
        AuditAction::MovedToAdvisor,
        AuditAction::EndedSession,
        AuditAction::ChangedPassphrase,
        AuditAction::RedeemedCode,
        AuditAction::SetUpSecondFactor,
        AuditAction::DownloadedCopy,
        AuditAction::ClosedAccount,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::ViewedOverview => "viewed_overview",
            AuditAction::SyncedRecords => "synced_records",
            AuditAction::ChangedRecord => "changed_record",
            AuditAction::ViewedRequests => "viewed_requests",
            AuditAction::ViewedCaseload => "viewed_caseload",
            AuditAction::ViewedOversight => "viewed_oversight",
            AuditAction::ViewedYoungPeople => "viewed_young_people",
            AuditAction::SetContact => "set_contact",
            AuditAction::AddedAccount => "added_account",
            AuditAction::IssuedCode => "issued_code",
            AuditAction::EditedProfile => "edited_profile",
            AuditAction::DisabledAccount => "disabled_account",
            AuditAction::EnabledAccount => "enabled_account",
            AuditAction::MovedToAdvisor => "moved_to_advisor",
            AuditAction::EndedSession => "ended_session",
            AuditAction::ChangedPassphrase => "changed_passphrase",
            AuditAction::RedeemedCode => "redeemed_code",
            AuditAction::SetUpSecondFactor => "set_up_second_factor",
            AuditAction::DownloadedCopy => "downloaded_copy",
            AuditAction::ClosedAccount => "closed_account",
        }
    }

    pub fn parse(s: &str) -> Option<AuditAction> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

pub async fn record(conn: &mut AnyConnection, actor: Uuid, subject: Uuid, action: AuditAction) -> sqlx::Result<()> {
    record_with(conn, actor, subject, action, None).await
}

/// `record`, with a detail worth keeping (who she moved to, which code).
/// Never personal words: the trail is read by auditors.
pub async fn record_with(
    conn: &mut AnyConnection,
    actor: Uuid,
    subject: Uuid,
    action: AuditAction,
    detail: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audit_events (id, at, actor_id, subject_id, action, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(now_ms())
    .bind(actor.to_string())
    .bind(subject.to_string())
    .bind(action.as_str())
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub actor_id: String,
    pub subject_id: String,
    pub action: String,
    pub detail: Option<String>,
}

pub async fn for_subject(db: &super::Db, subject: Uuid) -> sqlx::Result<Vec<AuditRow>> {
    sqlx::query_as("SELECT actor_id, subject_id, action, detail FROM audit_events WHERE subject_id = $1 ORDER BY at")
        .bind(subject.to_string())
        .fetch_all(db.pool())
        .await
}

/// One entry of the trail about a young person, with who did it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditEntry {
    pub at: i64,
    pub action: String,
    pub detail: Option<String>,
    pub actor_id: String,
    pub actor_first_name: String,
    pub actor_last_name: String,
    pub actor_role: String,
}

/// A query for `AuditEntry` rows, ending with `$tail` (a literal, so the
/// SQL stays a static string).
macro_rules! entries {
    ($tail:literal) => {
        concat!(
            "SELECT a.at, a.action, a.detail, a.actor_id, p.first_name AS actor_first_name,
                    p.last_name AS actor_last_name, p.role AS actor_role
             FROM audit_events a JOIN people p ON p.id = a.actor_id ",
            $tail
        )
    };
}

/// The whole trail about her, oldest first (her own copy).
pub async fn trail(db: &super::Db, subject: &str) -> sqlx::Result<Vec<AuditEntry>> {
    sqlx::query_as(entries!("WHERE a.subject_id = $1 ORDER BY a.at, a.id")).bind(subject).fetch_all(db.pool()).await
}

/// What anyone but herself did about `subject`, newest first, at most
/// `limit` ("Who looked at my record").
pub async fn by_others(db: &super::Db, subject: Uuid, limit: i64) -> sqlx::Result<Vec<AuditEntry>> {
    sqlx::query_as(entries!("WHERE a.subject_id = $1 AND a.actor_id <> $1 ORDER BY a.at DESC, a.id DESC LIMIT $2"))
        .bind(subject.to_string())
        .bind(limit)
        .fetch_all(db.pool())
        .await
}
