//! Which item goes under which heading on My offer. Pure functions of the
//! offer, the person's profile and today's date, so the page only renders
//! what these decide.

use chrono::NaiveDate;
use pathway_model::offer::eligibility::{Verdict, assess};
use pathway_model::offer::{Category, OfferBook, OfferItem};

/// One item, with what eligibility said about it for this person (nothing
/// for staff, or for a young person whose details we don't have).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where the item is in the offer's list.
    pub index: usize,
    pub verdict: Option<Verdict>,
    pub reason: Option<String>,
}

/// The items of one category, in the offer's own order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub category: Category,
    pub entries: Vec<Entry>,
}

/// The page's parts. A young person with a profile gets the first three;
/// staff (and anyone without a profile) get `everything`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sections {
    pub for_you: Vec<Group>,
    pub maybe: Vec<Group>,
    pub not_for_you: Vec<Group>,
    pub everything: Vec<Group>,
}

impl Sections {
    pub fn has_verdicts(&self) -> bool {
        self.everything.is_empty()
    }
}

pub fn assess_all(book: &OfferBook, today: NaiveDate) -> Vec<Entry> {
    book.items
        .iter()
        .enumerate()
        .map(|(index, item)| match &book.profile {
            Some(profile) => {
                let a = assess(item, profile, today);
                Entry { index, verdict: Some(a.verdict), reason: Some(a.reason) }
            }
            None => Entry { index, verdict: None, reason: None },
        })
        .collect()
}

/// Groups entries by category, in `Category::ALL` order, leaving out
/// categories with nothing in them.
pub fn by_category<'a>(items: &[OfferItem], entries: impl IntoIterator<Item = &'a Entry>) -> Vec<Group> {
    let entries: Vec<&Entry> = entries.into_iter().collect();
    Category::ALL
        .into_iter()
        .filter_map(|category| {
            let in_it: Vec<Entry> = entries
                .iter()
                .filter(|e| items.get(e.index).is_some_and(|i| i.category == category))
                .map(|e| (*e).clone())
                .collect();
            (!in_it.is_empty()).then_some(Group { category, entries: in_it })
        })
        .collect()
}

pub fn sections(items: &[OfferItem], entries: &[Entry]) -> Sections {
    if entries.iter().any(|e| e.verdict.is_none()) {
        return Sections { everything: by_category(items, entries), ..Default::default() };
    }
    let with = |v: Verdict| by_category(items, entries.iter().filter(move |e| e.verdict == Some(v)));
    Sections {
        for_you: with(Verdict::Applies),
        maybe: with(Verdict::Maybe),
        not_for_you: with(Verdict::DoesNotApply),
        everything: Vec::new(),
    }
}

/// Search hits (best first, from `SearchIndex::search`) as entries: what is
/// for the person first, then what might be, then the rest, each in the
/// index's order. (Three passes, not a sort: a stable sort of a new type
/// costs several KB of wasm.)
pub fn results(hits: &[usize], entries: &[Entry]) -> Vec<Entry> {
    let found: Vec<&Entry> = hits.iter().filter_map(|i| entries.get(*i)).collect();
    let mut out = Vec::with_capacity(found.len());
    for wanted in [&[Some(Verdict::Applies), None][..], &[Some(Verdict::Maybe)], &[Some(Verdict::DoesNotApply)]] {
        out.extend(found.iter().filter(|e| wanted.contains(&e.verdict)).map(|e| (*e).clone()));
    }
    out
}

/// "No results", "1 result", "3 results".
pub fn result_count(n: usize) -> String {
    match n {
        0 => "No results".to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::council::CouncilSummary;
    use pathway_model::offer::eligibility::Profile;
    use pathway_model::offer::{Eligibility, OfferContact};
    use pathway_model::profile::{Circumstance, LegalStatus};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(id: &str, category: Category, eligibility: Eligibility) -> OfferItem {
        OfferItem {
            id: id.into(),
            council_id: "liverpool".into(),
            category,
            title: id.into(),
            summary: String::new(),
            details: String::new(),
            eligibility,
            how_to_claim: String::new(),
            contact: OfferContact::default(),
            amount: None,
            source: None,
            last_reviewed: d("2026-09-01"),
            sample: true,
        }
    }

    fn book(profile: Option<Profile>) -> OfferBook {
        let student = Eligibility { circumstances: vec![Circumstance::InEducation], ..Default::default() };
        let parent = Eligibility { circumstances: vec![Circumstance::YoungParent], ..Default::default() };
        let under_18 = Eligibility { until_age: Some(18), ..Default::default() };
        OfferBook {
            council: CouncilSummary { id: "liverpool".into(), name: "Liverpool".into(), sample_data: true },
            items: vec![
                item("gym", Category::HealthWellbeing, Eligibility::default()),
                item("bursary", Category::EducationTraining, student),
                item("council-tax", Category::Money, Eligibility::default()),
                item("nursery", Category::Money, parent),
                item("pocket-money", Category::Money, under_18),
                item("laptop", Category::EducationTraining, Eligibility::default()),
            ],
            profile,
            retired: Vec::new(),
        }
    }

    fn jade() -> Profile {
        Profile {
            date_of_birth: d("2007-03-10"),
            council_id: "liverpool".into(),
            status: LegalStatus::FormerRelevant,
            circumstances: vec![Circumstance::InEducation],
        }
    }

    fn ids(book: &OfferBook, groups: &[Group]) -> Vec<(Category, Vec<String>)> {
        groups
            .iter()
            .map(|g| (g.category, g.entries.iter().map(|e| book.items[e.index].id.clone()).collect()))
            .collect()
    }

    #[test]
    fn items_sort_into_for_you_maybe_and_not_by_category_in_the_set_order() {
        let b = book(Some(jade()));
        let entries = assess_all(&b, d("2026-11-22"));
        let s = sections(&b.items, &entries);
        assert!(s.has_verdicts());
        // Money comes before education, then health (Category::ALL order);
        // within a category, the offer's own order.
        assert_eq!(
            ids(&b, &s.for_you),
            vec![
                (Category::Money, vec!["council-tax".to_string()]),
                (Category::EducationTraining, vec!["bursary".to_string(), "laptop".to_string()]),
                (Category::HealthWellbeing, vec!["gym".to_string()]),
            ]
        );
        assert_eq!(ids(&b, &s.maybe), vec![(Category::Money, vec!["nursery".to_string()])]);
        assert_eq!(ids(&b, &s.not_for_you), vec![(Category::Money, vec!["pocket-money".to_string()])]);
        assert!(s.everything.is_empty());
    }

    #[test]
    fn each_entry_keeps_its_reason_in_words() {
        let b = book(Some(jade()));
        let entries = assess_all(&b, d("2026-11-22"));
        assert_eq!(entries[1].reason.as_deref(), Some("Because you are 19 and in education or training."));
        assert_eq!(entries[4].reason.as_deref(), Some("This stops at your 18th birthday. You are 19."));
        assert!(entries[3].reason.as_deref().unwrap().contains("ask your PA"));
    }

    #[test]
    fn staff_see_everything_by_category_with_no_verdicts() {
        let b = book(None);
        let entries = assess_all(&b, d("2026-11-22"));
        let s = sections(&b.items, &entries);
        assert!(!s.has_verdicts());
        assert!(s.for_you.is_empty() && s.maybe.is_empty() && s.not_for_you.is_empty());
        let all: usize = s.everything.iter().map(|g| g.entries.len()).sum();
        assert_eq!(all, 6);
        assert_eq!(s.everything[0].category, Category::Money);
        assert_eq!(s.everything[0].entries.len(), 3);
    }

    #[test]
    fn search_results_put_what_is_for_you_first_and_keep_the_index_order_within() {
        let b = book(Some(jade()));
        let entries = assess_all(&b, d("2026-11-22"));
        // As the index might rank them: pocket money (not for her), nursery
        // (maybe), laptop, council tax (both for her).
        let got: Vec<usize> = results(&[4, 3, 5, 2], &entries).iter().map(|e| e.index).collect();
        assert_eq!(got, vec![5, 2, 3, 4]);
        assert!(results(&[99], &entries).is_empty());
    }

    #[test]
    fn result_counts_read_naturally() {
        assert_eq!(result_count(0), "No results");
        assert_eq!(result_count(1), "1 result");
        assert_eq!(result_count(3), "3 results");
    }
}
