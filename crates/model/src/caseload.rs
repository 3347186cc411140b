//! A PA's caseload: the young people they work with.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::age::Stage;
use crate::council::CouncilSummary;
use crate::profile::{Circumstance, LegalStatus};

/// One row of `GET /api/v1/caseload`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseloadEntry {
    pub person_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub age: u32,
    pub council: CouncilSummary,
    #[serde(default, deserialize_with = "crate::date::de_option")]
    pub last_contact: Option<NaiveDate>,
}

/// `GET /api/v1/caseload/{person_id}`: what a PA needs to open a
/// session with one young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(default, deserialize_with = "crate::date::de_option")]
    pub last_contact: Option<NaiveDate>,
    /// Under 18: their social worker and IRO, as the PA recorded them.
    #[serde(default)]
    pub social_worker: Option<crate::people::ContactDetails>,
    #[serde(default)]
    pub iro: Option<crate::people::ContactDetails>,
}
