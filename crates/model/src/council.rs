//! Councils and what a manager sees of their own council.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::keep_in_touch::ContactRequest;
use crate::people::unsafe_alert::UnsafeAlert;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CouncilSummary {
    /// A short stable slug, e.g. `liverpool`; also used in open-data URLs.
    pub id: String,
    pub name: String,
    /// True for the demo councils: every screen that shows their data says
    /// it is sample data, not the council's real offer or people.
    pub sample_data: bool,
}

/// `GET /api/v1/council/oversight`: the figures a manager needs, with no
/// health detail and no names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CouncilOverview {
    pub council: CouncilSummary,
    pub young_people: u32,
    pub advisors: u32,
    /// Young people whose last recorded contact is over 90 days ago, or never.
    pub not_contacted_90_days: u32,
}

/// `GET /api/v1/council/inbox?page=N`: what the leaving-care and duty teams must
/// act on: open keep-in-touch requests, oldest first, and recent unsafe
/// alerts. Names and contact details only; no health detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CouncilInbox {
    pub requests: Vec<InboxRequest>,
    pub alerts: Vec<InboxAlert>,
    /// More requests or alerts follow on the next page (`?page=`): each
    /// page carries at most 100 of each.
    #[serde(default)]
    pub has_more: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxRequest {
    /// The request's record id: `POST /council/inbox/requests/{id}/done`.
    pub id: Uuid,
    pub person_name: String,
    pub age: u32,
    /// Their PA's name, if they have one.
    pub pa_name: Option<String>,
    pub request: ContactRequest,
    /// Whole hours since it was asked, at the time of this answer.
    pub waited_hours: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxAlert {
    /// `POST /council/inbox/alerts/{id}/seen`.
    pub id: Uuid,
    pub person_name: String,
    pub pa_name: Option<String>,
    pub alert: UnsafeAlert,
    /// When it reached the server (Unix ms); `alert.raised_at` is when it
    /// was pressed on the phone.
    pub received_at: i64,
}

/// One row of `GET /api/v1/council/staff`: a PA or manager of the caller's
/// council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub person_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub username: String,
    pub role: crate::role::Role,
    /// Young people on their caseload (0 for managers).
    pub caseload_size: u32,
    pub disabled: bool,
    /// They have chosen a passphrase (their set-up code is used).
    pub signed_in_before: bool,
    pub second_factor_on: bool,
}

/// `POST /api/v1/council/staff`: add a PA or a manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewStaff {
    pub first_name: String,
    pub last_name: String,
    /// `advisor` or `manager`.
    pub role: crate::role::Role,
}

/// A one-time code for someone to choose a passphrase with, to hand over
/// in person. The answer to adding staff, registering a young person, or
/// asking for a new code (which voids the old one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OneTimeCode {
    pub person_id: Uuid,
    pub first_name: String,
    pub username: String,
    /// As shown and read aloud: "K7QM-4PXD".
    pub code: String,
    pub purpose: crate::code::CodePurpose,
    /// Unix ms: 7 days after it was made.
    pub expires_at: i64,
    /// The sign-in address with this code filled in, as a QR code (SVG).
    pub qr_svg: String,
}

/// One row of `GET /api/v1/council/young-people`: who is with which PA,
/// for moving a young person. Names only; no health detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YoungPersonPlacement {
    pub person_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub age: u32,
    pub advisor: Option<AdvisorRef>,
    /// Closed accounts are listed, but cannot be moved.
    pub closed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdvisorRef {
    pub person_id: Uuid,
    pub name: String,
}

/// `PUT /api/v1/council/young-people/{id}/advisor`: move her to another PA
/// of the same council, or to nobody (`null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MoveYoungPerson {
    pub advisor_id: Option<Uuid>,
}
