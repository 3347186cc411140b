//! A manager keeping their council's offer current: the draft they edit,
//! how it differs from what young people see, the field rules of one item,
//! and the history of what was published.
//!
//! A draft is simply the offer as it would be once published: the whole
//! list of items, in order. What is added, changed and retired is worked
//! out by comparing it with the published offer (`compare`), so an edit, an
//! ORUK upload and "undo" are all just a new list, and nothing can drift.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Amount, OfferItem};
use crate::error::FieldIssue;

/// An item not checked for this long is flagged to its council's managers.
pub const CHECK_EVERY_MONTHS: u32 = 12;

/// The longest an item's texts may be, as the form and the server check them.
pub const TITLE_MAX: usize = 120;
pub const SUMMARY_MAX: usize = 300;
pub const DETAILS_MAX: usize = 4000;
pub const HOW_TO_CLAIM_MAX: usize = 1000;
pub const CONTACT_MAX: usize = 200;
pub const SOURCE_MAX: usize = 300;
/// The largest amount an item may name: £1,000,000.
pub const AMOUNT_MAX_PENCE: u64 = 100_000_000;

/// True when `last_checked` is `CHECK_EVERY_MONTHS` or more before `today`.
pub fn needs_check(last_checked: NaiveDate, today: NaiveDate) -> bool {
    let months = (today.year() - last_checked.year()) * 12 + today.month() as i32 - last_checked.month() as i32;
    let months = if today.day() < last_checked.day() { months - 1 } else { months };
    months >= CHECK_EVERY_MONTHS as i32
}

/// One part of an item a manager can change: the unit the history and the
/// import preview name ("changed: amount, who it is for").
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemField {
    Category,
    Title,
    Summary,
    Details,
    WhoFor,
    HowToClaim,
    Contact,
    Amount,
    Source,
    LastChecked,
    Sample,
}

impl ItemField {
    pub fn label(self) -> &'static str {
        match self {
            ItemField::Category => "category",
            ItemField::Title => "title",
            ItemField::Summary => "summary",
            ItemField::Details => "details",
            ItemField::WhoFor => "who it is for",
            ItemField::HowToClaim => "how to claim",
            ItemField::Contact => "contact",
            ItemField::Amount => "amount",
            ItemField::Source => "source",
            ItemField::LastChecked => "last checked",
            ItemField::Sample => "sample data",
        }
    }
}

/// The parts of an item that differ between `before` and `after`.
pub fn changed_fields(before: &OfferItem, after: &OfferItem) -> Vec<ItemField> {
    let mut fields = Vec::new();
    let mut note = |differs: bool, field| {
        if differs {
            fields.push(field);
        }
    };
    note(before.category != after.category, ItemField::Category);
    note(before.title != after.title, ItemField::Title);
    note(before.summary != after.summary, ItemField::Summary);
    note(before.details != after.details, ItemField::Details);
    note(!same_people(&before.eligibility, &after.eligibility), ItemField::WhoFor);
    note(before.how_to_claim != after.how_to_claim, ItemField::HowToClaim);
    note(before.contact != after.contact, ItemField::Contact);
    note(before.amount != after.amount, ItemField::Amount);
    note(before.source != after.source, ItemField::Source);
    note(before.last_reviewed != after.last_reviewed, ItemField::LastChecked);
    note(before.sample != after.sample, ItemField::Sample);
    fields
}

/// Whether two items are for the same people: the lists of statuses and
/// circumstances are sets (a form lists them in its own order).
fn same_people(a: &super::Eligibility, b: &super::Eligibility) -> bool {
    fn same_set<T: PartialEq>(x: &[T], y: &[T]) -> bool {
        x.len() == y.len() && x.iter().all(|v| y.contains(v))
    }
    a.min_age == b.min_age
        && a.until_age == b.until_age
        && same_set(&a.statuses, &b.statuses)
        && same_set(&a.circumstances, &b.circumstances)
}

/// Where an item of the draft stands against the published offer.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// As young people see it now.
    Published,
    Added,
    Changed,
    /// Published now, and gone once the draft is published.
    Retired,
}

/// One item as the editor lists it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftEntry {
    pub item: OfferItem,
    pub state: ItemState,
    /// For a changed item, what changed.
    #[serde(default)]
    pub changed: Vec<ItemField>,
    /// Not checked for `CHECK_EVERY_MONTHS`.
    pub needs_check: bool,
}

/// `GET /offer/draft`: the offer as the manager is editing it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferDraft {
    pub council: crate::council::CouncilSummary,
    /// The draft's items in order, then the retired ones.
    pub entries: Vec<DraftEntry>,
    /// True when the draft differs from the published offer.
    pub unpublished: bool,
}

/// What publishing `proposed` over `published` would do.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OfferChanges {
    pub added: Vec<OfferItem>,
    /// The new version of each changed item, and what changed.
    pub changed: Vec<(OfferItem, Vec<ItemField>)>,
    pub retired: Vec<OfferItem>,
}

impl OfferChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.retired.is_empty()
    }
}

/// Compares a proposed offer with the published one, item by item (by id).
pub fn compare(published: &[OfferItem], proposed: &[OfferItem]) -> OfferChanges {
    let find = |list: &[OfferItem], id: &str| list.iter().position(|i| i.id == id);
    let mut changes = OfferChanges::default();
    for item in proposed {
        match find(published, &item.id) {
            None => changes.added.push(item.clone()),
            Some(at) => {
                let fields = changed_fields(&published[at], item);
                if !fields.is_empty() {
                    changes.changed.push((item.clone(), fields));
                }
            }
        }
    }
    changes.retired = published.iter().filter(|p| find(proposed, &p.id).is_none()).cloned().collect();
    changes
}

/// The editor's list: the draft's items in its order, each with its state,
/// then the items it retires.
pub fn entries(published: &[OfferItem], proposed: &[OfferItem], today: NaiveDate) -> Vec<DraftEntry> {
    let changes = compare(published, proposed);
    let entry = |item: &OfferItem, state, changed: Vec<ItemField>| DraftEntry {
        needs_check: needs_check(item.last_reviewed, today),
        item: item.clone(),
        state,
        changed,
    };
    let mut list: Vec<DraftEntry> = proposed
        .iter()
        .map(|item| {
            if changes.added.iter().any(|a| a.id == item.id) {
                entry(item, ItemState::Added, Vec::new())
            } else if let Some((_, fields)) = changes.changed.iter().find(|(c, _)| c.id == item.id) {
                entry(item, ItemState::Changed, fields.clone())
            } else {
                entry(item, ItemState::Published, Vec::new())
            }
        })
        .collect();
    list.extend(changes.retired.iter().map(|item| entry(item, ItemState::Retired, Vec::new())));
    list
}

/// What a history line says happened to an item.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryChange {
    Added,
    Changed,
    Retired,
}

/// One line of an offer's history: who published what, when.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When it was published, as RFC 3339.
    pub at: String,
    /// The manager's name.
    pub by: String,
    pub item_id: String,
    pub title: String,
    pub change: HistoryChange,
    /// For a change, what changed.
    #[serde(default)]
    pub fields: Vec<ItemField>,
}

/// `POST /offer/draft/publish` and `POST /offer/draft/import` answer with
/// what happened, or would happen, item by item.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeSummary {
    /// Titles.
    pub added: Vec<String>,
    pub changed: Vec<ChangedItem>,
    /// Titles.
    pub retired: Vec<String>,
}

/// A changed item's title and what changed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedItem {
    pub title: String,
    pub fields: Vec<ItemField>,
}

impl From<&OfferChanges> for ChangeSummary {
    fn from(c: &OfferChanges) -> Self {
        ChangeSummary {
            added: c.added.iter().map(|i| i.title.clone()).collect(),
            changed: c.changed.iter().map(|(i, f)| ChangedItem { title: i.title.clone(), fields: f.clone() }).collect(),
            retired: c.retired.iter().map(|i| i.title.clone()).collect(),
        }
    }
}

/// A slug for a new item's id, from its title: "Help with rent!" gives
/// "help-with-rent". Empty when the title has no letters or digits.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in crate::fold::lower(title).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(60);
    out.trim_end_matches('-').to_string()
}

/// Every problem with one item, each named by the form field it is about
/// (`title`, `summary`, `amount`, `contact.email`, …). `index` is the
/// item's place in the draft, so publishing can list problems by item.
pub fn check_item(index: usize, item: &OfferItem, today: NaiveDate) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let mut problem = |field: &str, p: String| issues.push(FieldIssue { index, field: field.into(), problem: p });
    if item.id.is_empty()
        || item.id.len() > 100
        || !item.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        problem("id", "must be letters, digits, - or _ (at most 100)".into());
    }
    for (field, text, max) in [
        ("title", &item.title, TITLE_MAX),
        ("summary", &item.summary, SUMMARY_MAX),
        ("how_to_claim", &item.how_to_claim, HOW_TO_CLAIM_MAX),
    ] {
        if text.trim().is_empty() {
            problem(field, "must not be empty".into());
        } else if text.chars().count() > max {
            problem(field, format!("must be at most {max} characters"));
        }
    }
    if item.details.chars().count() > DETAILS_MAX {
        problem("details", format!("must be at most {DETAILS_MAX} characters"));
    }
    let e = &item.eligibility;
    if e.min_age.is_some_and(|a| a > 25) {
        problem("min_age", "must be 25 or under: the offer is for care leavers up to 25".into());
    }
    if e.until_age.is_some_and(|a| a > 26 || a < 17) {
        problem("until_age", "must be between 17 and 26".into());
    }
    if let (Some(min), Some(until)) = (e.min_age, e.until_age)
        && min >= until
    {
        problem("until_age", "must be after the youngest age".into());
    }
    if let Some(Amount { pence, .. }) = &item.amount
        && (*pence == 0 || *pence > AMOUNT_MAX_PENCE)
    {
        problem("amount", "must be more than £0 and at most £1,000,000".into());
    }
    let c = &item.contact;
    if let Some(name) = &c.name
        && name.chars().count() > CONTACT_MAX
    {
        problem("contact.name", format!("must be at most {CONTACT_MAX} characters"));
    }
    if let Some(p) = c.phone.as_deref().and_then(crate::phone::phone_problem) {
        problem("contact.phone", p.into());
    }
    if let Some(email) = &c.email
        && !looks_like_email(email)
    {
        problem("contact.email", "must be an email address, like leaving.care@council.gov.uk".into());
    }
    if item.source.as_ref().is_some_and(|s| s.chars().count() > SOURCE_MAX) {
        problem("source", format!("must be at most {SOURCE_MAX} characters"));
    }
    if item.last_reviewed > today {
        problem("last_reviewed", "must not be in the future".into());
    }
    issues
}

fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((who, host)) => {
            !who.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && s.len() <= CONTACT_MAX
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Every problem with a whole draft: each item's, ids that appear twice,
/// and an empty offer (publishing nothing would take the whole offer away
/// from every young person of the council, surely a mistake).
pub fn check_draft(items: &[OfferItem], today: NaiveDate) -> Vec<FieldIssue> {
    let mut issues: Vec<FieldIssue> =
        items.iter().enumerate().flat_map(|(i, item)| check_item(i, item, today)).collect();
    for (i, item) in items.iter().enumerate() {
        if items[..i].iter().any(|earlier| earlier.id == item.id) {
            issues.push(FieldIssue { index: i, field: "id".into(), problem: "is used by another item".into() });
        }
    }
    if items.is_empty() {
        issues.push(FieldIssue { index: 0, field: "(offer)".into(), problem: "has no items".into() });
    }
    issues
}

#[cfg(test)]
#[path = "editor_tests.rs"]
mod tests;
