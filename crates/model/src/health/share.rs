//! Her health passport beyond her phone (issue 19): the rule for what goes
//! in it, the share link she makes for a professional (a link, a passcode
//! and an expiry), and what whoever has both sees. The server keeps the
//! links and answers them; the app makes, lists and ends them. Types here so
//! a renamed field fails to compile on both sides.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use super::{HealthEntry, HealthKind, Visibility};

/// Whether an entry is in her passport: she ticked it, and it is not
/// "only me". The printed page, the FHIR export and a share link all use this.
pub fn in_passport(entry: &HealthEntry) -> bool {
    entry.in_passport && entry.visibility != Visibility::MeOnly
}

/// What of `items` is in her passport, in its order (allergies and medicines
/// first; within a kind, as given). `entry` says which entry an item is. The
/// FHIR export and the share page use this; the app's printed page keeps its
/// own loop, because a sort of a new type costs her download.
pub fn passport_of<T>(items: impl IntoIterator<Item = T>, entry: impl Fn(&T) -> &HealthEntry) -> Vec<T> {
    let mut kept: Vec<T> = items.into_iter().filter(|i| in_passport(entry(i))).collect();
    kept.sort_by_key(|i| entry(i).kind.passport_order());
    kept
}

/// A link lasts from one day to one week.
pub const DAYS_MIN: u32 = 1;
pub const DAYS_MAX: u32 = 7;
/// "Dr Patel at Old Swan surgery".
pub const LABEL_MAX: usize = 80;
/// Digits in a passcode: easy to read out over the phone; the tries are
/// limited (`TRIES_PER_WINDOW`, `TRIES_IN_ALL`) so guessing cannot work.
pub const PASSCODE_DIGITS: usize = 6;
/// Wrong passcodes allowed on one link in `WINDOW_MINUTES` before every
/// try is refused until the window has passed, the right passcode included.
pub const TRIES_PER_WINDOW: u32 = 5;
pub const WINDOW_MINUTES: i64 = 15;
/// Wrong passcodes after which the link ends for good.
pub const TRIES_IN_ALL: u32 = 20;

/// `POST /me/health/share-links`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewShareLink {
    /// Who it is for, in her words, so she knows which link is which.
    pub label: String,
    /// How many days it lasts: `DAYS_MIN` to `DAYS_MAX`.
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareLinkProblem {
    #[error("Write who the link is for, like \"New GP\".")]
    NoLabel,
    #[error("Keep who it is for shorter (80 letters at most).")]
    LabelTooLong,
    #[error("A link can last from 1 to 7 days.")]
    Days,
}

impl ShareLinkProblem {
    /// The field the problem is about, as the API names it.
    pub fn field(&self) -> &'static str {
        match self {
            ShareLinkProblem::NoLabel | ShareLinkProblem::LabelTooLong => "label",
            ShareLinkProblem::Days => "days",
        }
    }
}

impl NewShareLink {
    pub fn check(&self) -> Result<(), ShareLinkProblem> {
        let label = self.label.trim();
        if label.is_empty() {
            return Err(ShareLinkProblem::NoLabel);
        }
        if label.chars().count() > LABEL_MAX {
            return Err(ShareLinkProblem::LabelTooLong);
        }
        if !(DAYS_MIN..=DAYS_MAX).contains(&self.days) {
            return Err(ShareLinkProblem::Days);
        }
        Ok(())
    }
}

/// One of her links, as she sees it in her list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShareLink {
    pub id: Uuid,
    pub label: String,
    /// Milliseconds since 1970, like every time in the API.
    pub made_at: i64,
    pub expires_at: i64,
    /// When she ended it, or it ended after too many wrong passcodes.
    pub ended_at: Option<i64>,
    /// It ended because of `TRIES_IN_ALL` wrong passcodes.
    #[serde(default)]
    pub ended_by_wrong_passcodes: bool,
    /// When it was opened with the right passcode, newest first.
    pub openings: Vec<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Open,
    Ended,
    Expired,
}

impl ShareLink {
    pub fn state(&self, now_ms: i64) -> LinkState {
        if self.ended_at.is_some() {
            LinkState::Ended
        } else if now_ms >= self.expires_at {
            LinkState::Expired
        } else {
            LinkState::Open
        }
    }
}

/// The answer to making a link: the only time the passcode is shown (the
/// server keeps only its hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShareLinkMade {
    pub link: ShareLink,
    /// The address to give, from the server's root: "/share/<token>".
    pub path: String,
    /// `PASSCODE_DIGITS` digits.
    pub passcode: String,
}

/// `POST /shared/{token}`: what the professional types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenShared {
    pub passcode: String,
}

/// What the right passcode shows: her passport as it is now, read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharedPassport {
    pub first_name: String,
    pub last_name: String,
    /// "2008-03-14".
    pub date_of_birth: Option<String>,
    /// Until when the link works.
    pub expires_at: i64,
    /// In the passport's order (`HealthKind::passport_order`).
    pub entries: Vec<SharedEntry>,
    /// The person's council is a demo council: every detail is invented.
    pub sample_data: bool,
}

/// One passport entry: its words and who recorded it, nothing else (no
/// notes of hers, no corrections, no ids).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharedEntry {
    pub kind: HealthKind,
    pub title: String,
    pub date: Option<String>,
    pub details: Option<String>,
    pub severity: Option<String>,
    pub dose: Option<String>,
    pub phone: Option<String>,
    pub relation: Option<String>,
    pub source: Option<String>,
    pub recorded_by: String,
    /// She added it herself (not a professional).
    pub by_her: bool,
}

impl SharedEntry {
    pub fn of(entry: &HealthEntry) -> SharedEntry {
        SharedEntry {
            kind: entry.kind,
            title: entry.title.clone(),
            date: entry.date.clone(),
            details: entry.details.clone(),
            severity: entry.severity.clone(),
            dose: entry.dose.clone(),
            phone: entry.phone.clone(),
            relation: entry.relation.clone(),
            source: entry.source.clone(),
            recorded_by: entry.recorded_by.clone(),
            by_her: entry.author == super::Author::Me,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::health::Author;
    use crate::health::HealthEntryChange;

    fn entry(in_passport: bool, visibility: Visibility) -> HealthEntry {
        let fields = HealthEntryChange {
            kind: Some(HealthKind::Allergy),
            author: Some(Author::Professional),
            title: Some("Penicillin".into()),
            recorded_by: Some("Sam Okafor (PA)".into()),
            visibility: Some(visibility),
            in_passport: Some(in_passport),
            ..Default::default()
        }
        .into_fields();
        HealthEntry::from_fields(&fields).unwrap()
    }

    #[test]
    fn only_ticked_entries_not_marked_only_me_go_in_the_passport() {
        assert!(in_passport(&entry(true, Visibility::MyPa)));
        assert!(in_passport(&entry(true, Visibility::MyPaAndHealth)));
        assert!(!in_passport(&entry(false, Visibility::MyPa)));
        assert!(!in_passport(&entry(true, Visibility::MeOnly)));
    }

    #[test]
    fn the_passport_keeps_what_is_in_it_allergies_first() {
        let mut medicine = entry(true, Visibility::MyPa);
        medicine.kind = HealthKind::Medicine;
        let items = vec![(1, medicine), (2, entry(true, Visibility::MeOnly)), (3, entry(true, Visibility::MyPa))];
        let kept: Vec<i32> = passport_of(items, |(_, e)| e).into_iter().map(|(n, _)| n).collect();
        assert_eq!(kept, [3, 1]);
    }

    #[test]
    fn a_link_needs_who_it_is_for_and_one_to_seven_days() {
        let new = |label: &str, days| NewShareLink { label: label.into(), days };
        assert_eq!(new("New GP", 1).check(), Ok(()));
        assert_eq!(new("New GP", 7).check(), Ok(()));
        assert_eq!(new("  ", 3).check(), Err(ShareLinkProblem::NoLabel));
        assert_eq!(new(&"a".repeat(LABEL_MAX + 1), 3).check(), Err(ShareLinkProblem::LabelTooLong));
        assert_eq!(new("GP", 0).check().map_err(|e| e.field()), Err("days"));
        assert_eq!(new("GP", 8).check().map_err(|e| e.field()), Err("days"));
    }

    #[test]
    fn a_link_is_open_until_it_ends_or_expires() {
        let link = ShareLink {
            id: Uuid::nil(),
            label: "GP".into(),
            made_at: 0,
            expires_at: 100,
            ended_at: None,
            ended_by_wrong_passcodes: false,
            openings: vec![],
        };
        assert_eq!(link.state(99), LinkState::Open);
        assert_eq!(link.state(100), LinkState::Expired);
        assert_eq!(ShareLink { ended_at: Some(50), ..link }.state(10), LinkState::Ended);
    }
}
