//! Councils and what a manager sees of their own council.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::people::keep_in_touch::ContactRequest;
use crate::people::unsafe_alert::UnsafeAlert;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct CouncilOverview {
    pub council: CouncilSummary,
    pub young_people: u32,
    pub advisors: u32,
    /// Young people whose last recorded contact is over 90 days ago, or never.
    pub not_contacted_90_days: u32,
}

/// `GET /api/v1/council/inbox`: what the leaving-care and duty teams must
/// act on: open keep-in-touch requests, oldest first, and recent unsafe
/// alerts. Names and contact details only; no health detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilInbox {
    pub requests: Vec<InboxRequest>,
    pub alerts: Vec<InboxAlert>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
