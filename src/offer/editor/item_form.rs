//! The item form's fields as typed, and how they become an offer item: the
//! model's field rules (`editor::check_item`, the same the server runs),
//! each problem worded for the field it is about. Pure, so it is tested
//! without a browser.

use chrono::NaiveDate;
use pathway_model::offer::editor::{self, AMOUNT_MAX_PENCE};
use pathway_model::offer::oruk::{parse_period, period_word};
use pathway_model::offer::{Amount, AmountPeriod, Category, Eligibility, OfferContact, OfferItem};
use pathway_model::profile::{Circumstance, LegalStatus};

/// What the manager has typed, as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemFields {
    pub title: String,
    pub category: String,
    pub summary: String,
    pub details: String,
    /// Ages as typed; the oldest is the last age that qualifies (an item
    /// "up to your 25th birthday" has 24 here).
    pub youngest: String,
    pub oldest: String,
    pub statuses: Vec<LegalStatus>,
    pub circumstances: Vec<Circumstance>,
    pub how_to_claim: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    /// Pounds as typed ("2,500", "57.50", "£60").
    pub amount: String,
    pub period: String,
    pub up_to: bool,
    pub source: String,
    pub last_checked: String,
}

/// The words are ORUK's `cost_options.option` (`oruk::period_word`).
pub const PERIODS: [(&str, &str); 4] =
    [("one_off", "One-off"), ("weekly", "A week"), ("monthly", "A month"), ("yearly", "A year")];

impl ItemFields {
    /// An item's fields, to change it.
    pub fn of(item: &OfferItem) -> ItemFields {
        let e = &item.eligibility;
        ItemFields {
            title: item.title.clone(),
            category: item.category.as_str().into(),
            summary: item.summary.clone(),
            details: item.details.clone(),
            youngest: e.min_age.map(|a| a.to_string()).unwrap_or_default(),
            oldest: e.until_age.map(|a| a.saturating_sub(1).to_string()).unwrap_or_default(),
            statuses: e.statuses.clone(),
            circumstances: e.circumstances.clone(),
            how_to_claim: item.how_to_claim.clone(),
            contact_name: item.contact.name.clone().unwrap_or_default(),
            contact_phone: item.contact.phone.clone().unwrap_or_default(),
            contact_email: item.contact.email.clone().unwrap_or_default(),
            amount: item.amount.as_ref().map(|a| pounds(a.pence)).unwrap_or_default(),
            period: item.amount.as_ref().map_or("one_off", |a| period_word(a.period)).into(),
            up_to: item.amount.as_ref().is_some_and(|a| a.up_to),
            source: item.source.clone().unwrap_or_default(),
            last_checked: item.last_reviewed.to_string(),
        }
    }

    /// A new item's fields: checked today, one-off money, for everyone 16 to 25.
    pub fn new_item(today: NaiveDate) -> ItemFields {
        ItemFields {
            youngest: "16".into(),
            oldest: "24".into(),
            period: "one_off".into(),
            last_checked: today.to_string(),
            ..ItemFields::default()
        }
    }
}

/// "2500", "57.50": pence as a manager would type them back.
fn pounds(pence: u64) -> String {
    if pence % 100 == 0 { (pence / 100).to_string() } else { format!("{}.{:02}", pence / 100, pence % 100) }
}

/// Pounds as typed, in pence: "£2,500" and "57.5" read; anything else, or
/// more than two places of pence, does not.
pub fn parse_pounds(typed: &str) -> Option<u64> {
    let clean: String = typed.trim().trim_start_matches('£').chars().filter(|c| *c != ',').collect();
    let (whole, part) = clean.split_once('.').unwrap_or((&clean, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || whole.len() > 9 {
        return None;
    }
    if part.len() > 2 || !part.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let pence: u64 = format!("{part:0<2}").parse().ok()?;
    whole.parse::<u64>().ok()?.checked_mul(100)?.checked_add(pence)
}

/// The words shown beside a field, and in the summary at the top, when its
/// rule is not met. One sentence per field that says what is wanted.
pub fn words_for(field: &str) -> &'static str {
    match field {
        "title" => "Enter a title of up to 120 characters.",
        "category" => "Choose a category.",
        "summary" => "Enter a summary in plain words, up to 300 characters.",
        "details" => "Keep the details to 4,000 characters or fewer.",
        "min_age" => "Enter the youngest age as a number up to 25, or leave it empty.",
        "until_age" => "Enter the oldest age as a number from 16 to 25, not below the youngest, or leave it empty.",
        "how_to_claim" => "Say how a young person gets this, in up to 1,000 characters.",
        "contact.name" => "Keep the contact's name to 200 characters or fewer.",
        "contact.phone" => "Enter a UK phone number, like 0151 233 3000, or leave it empty.",
        "contact.email" => "Enter an email address, like leaving.care@council.gov.uk, or leave it empty.",
        "amount" => "Enter an amount in pounds, like 2500 or 57.50, up to 1,000,000, or leave it empty.",
        "source" => "Keep the source to 300 characters or fewer.",
        "last_reviewed" => "Enter the date this was last checked. It cannot be in the future.",
        _ => "Give the item a title with letters or numbers in it.",
    }
}

/// The form's fields in the order they are shown: the summary at the top
/// lists problems in this order too.
pub const FIELD_ORDER: [&str; 14] = [
    "id",
    "title",
    "category",
    "summary",
    "details",
    "min_age",
    "until_age",
    "how_to_claim",
    "contact.name",
    "contact.phone",
    "contact.email",
    "amount",
    "source",
    "last_reviewed",
];

/// Fields with a problem, each once, in the form's order.
pub type Problems = Vec<&'static str>;

/// The item the form describes, or every field with a problem. `id` is the
/// item's id (a new item's comes from its title).
pub fn to_item(f: &ItemFields, id: &str, council_id: &str, today: NaiveDate) -> Result<OfferItem, Problems> {
    let mut found: Vec<&'static str> = Vec::new();
    let age = |typed: &str| -> Result<Option<u32>, ()> {
        let t = typed.trim();
        if t.is_empty() { Ok(None) } else { t.parse::<u32>().map(Some).map_err(|_| ()) }
    };
    let min_age = age(&f.youngest).unwrap_or_else(|_| {
        found.push("min_age");
        None
    });
    let until_age = match age(&f.oldest) {
        Ok(oldest) => oldest.map(|o| o + 1),
        Err(_) => {
            found.push("until_age");
            None
        }
    };
    let category = Category::parse(&f.category);
    if category.is_none() {
        found.push("category");
    }
    let amount = if f.amount.trim().is_empty() {
        None
    } else {
        match parse_pounds(&f.amount) {
            Some(pence) if pence <= AMOUNT_MAX_PENCE => {
                Some(Amount { pence, period: parse_period(&f.period).unwrap_or(AmountPeriod::OneOff), up_to: f.up_to })
            }
            _ => {
                found.push("amount");
                None
            }
        }
    };
    let last_reviewed = pathway_model::date::parse(f.last_checked.trim());
    if last_reviewed.is_none() {
        found.push("last_reviewed");
    }
    let given = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let item = OfferItem {
        id: id.to_string(),
        council_id: council_id.to_string(),
        category: category.unwrap_or(Category::MovingOn),
        title: f.title.trim().to_string(),
        summary: f.summary.trim().to_string(),
        details: f.details.trim().to_string(),
        eligibility: Eligibility {
            min_age,
            until_age,
            statuses: LegalStatus::ALL.into_iter().filter(|s| f.statuses.contains(s)).collect(),
            circumstances: Circumstance::ALL.into_iter().filter(|c| f.circumstances.contains(c)).collect(),
        },
        how_to_claim: f.how_to_claim.trim().to_string(),
        contact: OfferContact {
            name: given(&f.contact_name),
            phone: given(&f.contact_phone),
            email: given(&f.contact_email),
        },
        amount,
        source: given(&f.source),
        last_reviewed: last_reviewed.unwrap_or(today),
        sample: false,
    };
    for issue in editor::check_item(0, &item, today) {
        if let Some(field) = FIELD_ORDER.iter().find(|f| **f == issue.field) {
            found.push(field);
        }
    }
    if found.is_empty() {
        return Ok(item);
    }
    // A new item's id comes from its title: the title's own problem says it.
    if found.contains(&"title") {
        found.retain(|f| *f != "id");
    }
    Err(FIELD_ORDER.into_iter().filter(|f| found.contains(f)).collect())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-12-01".parse().unwrap()
    }

    fn filled() -> ItemFields {
        ItemFields {
            title: "Young parents drop-in".into(),
            category: "relationships".into(),
            summary: "Meet other young parents.".into(),
            how_to_claim: "Just come along.".into(),
            circumstances: vec![Circumstance::YoungParent],
            ..ItemFields::new_item(today())
        }
    }

    #[test]
    fn a_filled_form_is_an_item_for_ages_16_to_24() {
        let item = to_item(&filled(), "young-parents-drop-in", "knowsley", today()).unwrap();
        assert_eq!(item.eligibility.min_age, Some(16));
        assert_eq!(item.eligibility.until_age, Some(25), "24 is the oldest who gets it");
        assert_eq!(item.eligibility.circumstances, [Circumstance::YoungParent]);
        assert_eq!(item.amount, None);
        assert_eq!(ItemFields::of(&item).oldest, "24");
    }

    #[test]
    fn money_reads_as_people_type_it() {
        assert_eq!(parse_pounds("£2,500"), Some(250_000));
        assert_eq!(parse_pounds("57.5"), Some(5_750));
        assert_eq!(parse_pounds("57.50"), Some(5_750));
        assert_eq!(parse_pounds("0.99"), Some(99));
        for bad in ["", "ten", "1.234", "-5", "£", "1,00.5.0"] {
            assert_eq!(parse_pounds(bad), None, "{bad:?}");
        }
        let mut f = filled();
        f.amount = "750".into();
        f.up_to = true;
        let item = to_item(&f, "x", "knowsley", today()).unwrap();
        assert_eq!(item.amount.unwrap().describe(), "up to £750 one-off");
        assert_eq!(pounds(5_750), "57.50");
    }

    #[test]
    fn every_problem_is_named_once_in_the_forms_order() {
        let f = ItemFields {
            title: String::new(),
            category: "spaceships".into(),
            youngest: "sixteen".into(),
            contact_email: "nope".into(),
            amount: "lots".into(),
            last_checked: "2027-05-01".into(),
            ..filled()
        };
        let problems = to_item(&f, "x", "knowsley", today()).unwrap_err();
        assert_eq!(problems, ["title", "category", "min_age", "contact.email", "amount", "last_reviewed"]);
        assert!(problems.iter().all(|p| !words_for(p).is_empty()));
    }
}
