//! A PA's caseload: the young people they work with.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::age::Stage;
use crate::council::CouncilSummary;
use crate::meeting::Rhythm;
use crate::profile::{Circumstance, LegalStatus};

/// One row of `GET /api/v1/caseload`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseloadEntry {
    pub person_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub age: u32,
    pub council: CouncilSummary,
    /// When her next contact and review are due (`meeting::rhythm`).
    pub rhythm: Rhythm,
}

/// `GET /api/v1/caseload/{person_id}`: what a PA needs to open a
/// session with one young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YoungPersonOverview {
    pub person_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    #[serde(deserialize_with = "crate::date::de")]
    pub date_of_birth: NaiveDate,
    pub age: u32,
    pub stage: Stage,
    pub council: CouncilSummary,
    pub status: LegalStatus,
    pub circumstances: Vec<Circumstance>,
    pub rhythm: Rhythm,
    /// Under 18: their social worker and IRO, as the PA recorded them.
    #[serde(default)]
    pub social_worker: Option<crate::people::ContactDetails>,
    #[serde(default)]
    pub iro: Option<crate::people::ContactDetails>,
}

/// `POST /api/v1/caseload` (register a young person onto the caller's
/// caseload; answers with her invite code) and
/// `PUT /api/v1/caseload/{person_id}/profile` (edit it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct YoungPersonProfile {
    pub first_name: String,
    pub last_name: String,
    #[serde(deserialize_with = "crate::date::de")]
    pub date_of_birth: NaiveDate,
    pub status: LegalStatus,
    /// What decides which parts of the offer she sees.
    pub circumstances: Vec<Circumstance>,
}

pub const NAME_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileProblem {
    #[error("Enter a first name.")]
    NoFirstName,
    #[error("Enter a last name.")]
    NoLastName,
    #[error("A name can have up to {NAME_MAX} characters.")]
    NameTooLong,
    #[error("Care leavers are 16 to 25: check the date of birth.")]
    AgeOutOfRange,
}

impl YoungPersonProfile {
    /// Pathway is for care leavers from 16 up to their 26th birthday; a
    /// PA may register someone from 15 so the invite is ready in time.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ProfileProblem> {
        for (name, empty) in
            [(&self.first_name, ProfileProblem::NoFirstName), (&self.last_name, ProfileProblem::NoLastName)]
        {
            if name.trim().is_empty() {
                return Err(empty);
            }
            if name.trim().chars().count() > NAME_MAX {
                return Err(ProfileProblem::NameTooLong);
            }
        }
        if self.date_of_birth > today || !(15..=25).contains(&crate::age::age_on(self.date_of_birth, today)) {
            return Err(ProfileProblem::AgeOutOfRange);
        }
        Ok(())
    }
}

/// One line of "Who looked at my record" (`GET /api/v1/me/record-views`),
/// newest first: "Sam Okafor, your PA, looked at your health entries",
/// then the time, which the app puts in the phone's own time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordView {
    /// Unix milliseconds.
    pub at: i64,
    /// The staff member's name: "Sam Okafor".
    pub who: String,
    /// What they are to her: "your PA", "a manager", "a PA".
    pub role: String,
    /// What they did, in her words: "looked at your health entries".
    pub did: String,
}
