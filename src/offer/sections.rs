//! Which item goes under which heading on My offer. Pure functions of the
//! offer, the person's profile and today's date, so the page only renders
//! what these decide.

use chrono::NaiveDate;
use pathway_model::offer::eligibility::{Reason, Verdict, assess};
use pathway_model::offer::{Category, OfferBook, OfferItem};
use pathway_model::profile::{Circumstance, LegalStatus};

use crate::i18n::{Text, k, number, t, tf, tp};

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
                Entry { index, verdict: Some(a.verdict), reason: Some(reason_words(&a.reason)) }
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
        0 => t(k::OFFER_SEARCH_NO_RESULTS).to_string(),
        n => tp(k::OFFER_SEARCH_RESULT_COUNT, u32::try_from(n).unwrap_or(u32::MAX), &[]),
    }
}

/// Why `assess` decided as it did, in the page's language: whole sentences
/// a translation can reorder, from the facts the model gives
/// (`Reason::english` says the same in English, and the tests hold the two
/// together).
pub fn reason_words(reason: &Reason) -> String {
    match reason {
        Reason::OtherCouncil => t(k::OFFER_REASON_OTHER_COUNCIL).to_string(),
        Reason::StartsAt { min, age } => {
            tf(k::OFFER_REASON_STARTS_AT, &[("min", &number(*min)), ("age", &number(*age))])
        }
        Reason::StopsAt { until, age } => {
            // "18th", "21st", "22nd", "23rd": English writes the birthday's
            // ending four ways; each is a whole sentence to translate.
            let sentence = match (until % 10, until % 100) {
                (_, 11..=13) => k::OFFER_REASON_STOPS_AT_TH,
                (1, _) => k::OFFER_REASON_STOPS_AT_ST,
                (2, _) => k::OFFER_REASON_STOPS_AT_ND,
                (3, _) => k::OFFER_REASON_STOPS_AT_RD,
                _ => k::OFFER_REASON_STOPS_AT_TH,
            };
            tf(sentence, &[("until", &number(*until)), ("age", &number(*age))])
        }
        Reason::OnlyFor(statuses) => {
            let list: Vec<&str> = statuses.iter().map(|s| status_words(*s)).collect();
            tf(k::OFFER_REASON_ONLY_FOR, &[("who", &join(&list, k::OFFER_REASON_LIST_OR))])
        }
        Reason::IfYouAre(circumstances) => {
            let list: Vec<&str> = circumstances.iter().map(|c| circumstance_words(*c)).collect();
            tf(k::OFFER_REASON_IF_YOU_ARE, &[("what", &join(&list, k::OFFER_REASON_LIST_OR))])
        }
        Reason::Because { age, circumstances } if circumstances.is_empty() => {
            tf(k::OFFER_REASON_BECAUSE_AGE, &[("age", &number(*age))])
        }
        Reason::Because { age, circumstances } => {
            let list: Vec<&str> = circumstances.iter().map(|c| circumstance_words(*c)).collect();
            tf(
                k::OFFER_REASON_BECAUSE_AGE_AND,
                &[("age", &number(*age)), ("what", &join(&list, k::OFFER_REASON_LIST_AND))],
            )
        }
    }
}

/// Who a status rule is for, as a reason names them.
fn status_words(status: LegalStatus) -> &'static str {
    t(match status {
        LegalStatus::Relevant => k::OFFER_REASON_STATUS_RELEVANT,
        LegalStatus::FormerRelevant => k::OFFER_REASON_STATUS_FORMER_RELEVANT,
        LegalStatus::Qualifying => k::OFFER_REASON_STATUS_QUALIFYING,
    })
}

/// Words that finish "you are …" (`Circumstance::phrase`).
fn circumstance_words(circumstance: Circumstance) -> &'static str {
    t(match circumstance {
        Circumstance::InEducation => k::OFFER_REASON_CIRCUMSTANCE_IN_EDUCATION,
        Circumstance::YoungParent => k::OFFER_REASON_CIRCUMSTANCE_YOUNG_PARENT,
        Circumstance::InCustody => k::OFFER_REASON_CIRCUMSTANCE_IN_CUSTODY,
        Circumstance::Disabled => k::OFFER_REASON_CIRCUMSTANCE_DISABLED,
        Circumstance::LivingOutOfArea => k::OFFER_REASON_CIRCUMSTANCE_LIVING_OUT_OF_AREA,
        Circumstance::Pregnant => k::OFFER_REASON_CIRCUMSTANCE_PREGNANT,
        Circumstance::UnaccompaniedAsylumSeeker => k::OFFER_REASON_CIRCUMSTANCE_UNACCOMPANIED_ASYLUM_SEEKER,
    })
}

/// "a, b, or c": `last` is the sentence that adds the last one ("{{list}},
/// or {{last}}"); the ones before it are joined one at a time.
fn join(words: &[&str], last: Text) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, rest @ .., end] => {
            let list = rest.iter().fold((*first).to_string(), |list, next| {
                tf(k::OFFER_REASON_LIST_NEXT, &[("list", &list), ("next", next)])
            });
            tf(last, &[("list", &list), ("last", end)])
        }
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
    fn every_reason_says_what_the_model_says() {
        let today = d("2026-11-22");
        let statuses = [vec![], vec![LegalStatus::Relevant], vec![LegalStatus::Relevant, LegalStatus::Qualifying]];
        let circumstances =
            [vec![], vec![Circumstance::InEducation], vec![Circumstance::YoungParent, Circumstance::Pregnant]];
        let mut items = vec![];
        for min_age in [None, Some(18), Some(21)] {
            // Every ending: 11th-13th, 18th, 21st, 22nd, 23rd.
            for until_age in [None, Some(11), Some(12), Some(13), Some(18), Some(21), Some(22), Some(23), Some(25)] {
                for wanted_status in &statuses {
                    for wanted in circumstances.iter().chain([&Circumstance::ALL.to_vec()]) {
                        let e = Eligibility {
                            min_age,
                            until_age,
                            statuses: wanted_status.clone(),
                            circumstances: wanted.clone(),
                        };
                        items.push(item("x", Category::Money, e));
                    }
                }
            }
        }
        let mut elsewhere = items[0].clone();
        elsewhere.council_id = "wirral".into();
        items.push(elsewhere);
        let people = [
            ("2007-03-10", LegalStatus::FormerRelevant, vec![Circumstance::InEducation]),
            ("2009-12-01", LegalStatus::Relevant, vec![]),
            ("2003-01-01", LegalStatus::Qualifying, Circumstance::ALL.to_vec()),
            ("2004-06-30", LegalStatus::FormerRelevant, vec![Circumstance::Pregnant, Circumstance::Disabled]),
        ];
        for (born, status, hers) in people {
            let p = Profile { date_of_birth: d(born), council_id: "liverpool".into(), status, circumstances: hers };
            for i in &items {
                let a = assess(i, &p, today);
                assert_eq!(reason_words(&a.reason), a.reason.english());
            }
        }
    }

    #[test]
    fn result_counts_read_naturally() {
        assert_eq!(result_count(0), "No results");
        assert_eq!(result_count(1), "1 result");
        assert_eq!(result_count(3), "3 results");
    }
}
