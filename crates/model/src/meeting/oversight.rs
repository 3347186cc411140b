//! `GET /api/v1/council/oversight`: what a manager needs to act on, per PA
//! and for the council, with the names and dates behind every figure and
//! no health detail. The server audits each name it lists.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One young person behind a figure, and the date that put her there: the
/// day a contact or review was due, the last contact (or `None`: never),
/// or the day she asked or raised an alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonDate {
    pub person_id: Uuid,
    pub name: String,
    #[serde(default, deserialize_with = "crate::date::de_option")]
    pub date: Option<NaiveDate>,
}

/// The lists behind one PA's (or the council's) figures; each figure is
/// its list's length.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Concerns {
    /// Most overdue first.
    pub contacts_overdue: Vec<PersonDate>,
    pub reviews_overdue: Vec<PersonDate>,
    /// Not in touch for `rhythm::OUT_OF_TOUCH_DAYS` or more (or never).
    pub out_of_touch: Vec<PersonDate>,
    /// Keep-in-touch and correction requests nobody has answered.
    pub open_requests: Vec<PersonDate>,
    /// "I feel unsafe" alerts nobody has picked up.
    pub unsafe_waiting: Vec<PersonDate>,
}

/// One PA's row; `advisor_id: None` is the young people with no PA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdvisorOversight {
    pub advisor_id: Option<Uuid>,
    pub name: String,
    pub caseload: u32,
    pub concerns: Concerns,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Oversight {
    #[serde(deserialize_with = "crate::date::de")]
    pub as_of: NaiveDate,
    pub advisors: Vec<AdvisorOversight>,
    /// The council's totals: the sum of the rows.
    pub caseload: u32,
    pub contacts_overdue: u32,
    pub reviews_overdue: u32,
    pub out_of_touch: u32,
    pub open_requests: u32,
    pub unsafe_waiting: u32,
}
