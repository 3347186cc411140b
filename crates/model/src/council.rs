//! Councils and what a manager sees of their own council.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSummary {
    /// A short stable slug, e.g. `liverpool`; also used in open-data URLs.
    pub id: String,
    pub name: String,
    /// True for the demo councils: every screen that shows their data says
    /// it is sample data, not the council's real offer or people.
    pub sample_data: bool,
}

/// `GET /api/v1/session/oversight`: the figures a manager needs, with no
/// health detail and no names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilOverview {
    pub council: CouncilSummary,
    pub young_people: u32,
    pub advisors: u32,
    /// Young people whose last recorded contact is over 90 days ago, or never.
    pub not_contacted_90_days: u32,
}
