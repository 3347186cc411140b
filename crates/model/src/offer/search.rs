//! Instant, offline search over an offer: runs in the app on the phone.
//! Words match by their start ("lap" finds "laptop"), every word of the
//! query must match, and a few everyday words stand for the ones councils
//! use ("money" finds grants, bursaries and allowances).

use super::OfferItem;

/// Everyday words and the words an offer is likely to use instead.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("money", &["grant", "bursary", "allowance", "payment", "cash", "£", "fund"]),
    ("cash", &["money", "grant", "allowance", "payment"]),
    ("house", &["home", "housing", "accommodation", "flat", "tenancy", "rent"]),
    ("home", &["house", "housing", "accommodation", "flat", "tenancy"]),
    ("flat", &["home", "housing", "accommodation", "tenancy"]),
    ("uni", &["university", "higher"]),
    ("college", &["education", "course", "further"]),
    ("job", &["work", "employment", "apprenticeship", "career"]),
    ("work", &["job", "employment", "apprenticeship"]),
    ("computer", &["laptop", "tablet", "device"]),
    ("phone", &["mobile", "data", "sim"]),
    ("doctor", &["gp", "health", "medical"]),
    ("mental", &["wellbeing", "counselling", "emotional"]),
    ("id", &["passport", "birth", "identity", "document"]),
    ("driving", &["lessons", "licence", "theory"]),
    ("baby", &["parent", "childcare", "pregnant", "pregnancy"]),
    ("gym", &["leisure", "sport", "swimming"]),
];

/// One item's searchable words, lower-cased once, with where they came from.
struct Entry {
    title: Vec<String>,
    rest: Vec<String>,
}

/// Built once when the offer loads; searching is then a scan of short words.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

fn words(text: &str) -> Vec<String> {
    let lower = crate::fold::lower(text);
    let mut out: Vec<String> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '£'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    // "£2,000" splits to "£2" and "000": keep a bare "£" so money words find it.
    if lower.contains('£') {
        out.push("£".into());
    }
    out
}

impl SearchIndex {
    pub fn new(items: &[OfferItem]) -> Self {
        let entries = items
            .iter()
            .map(|i| Entry {
                title: words(&i.title),
                rest: words(&format!("{} {} {} {}", i.summary, i.category.label(), i.category.as_str(), i.details)),
            })
            .collect();
        SearchIndex { entries }
    }

    /// Indexes of the items that match every word of `query`, best first
    /// (more words found in the title first, then the offer's own order).
    /// An empty query matches nothing: the screen then shows the full list.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let terms: Vec<Vec<String>> = words(query)
            .into_iter()
            .filter(|w| w != "£")
            .map(|w| {
                let mut alts = vec![w.clone()];
                if let Some((_, more)) = SYNONYMS.iter().find(|(k, _)| *k == w) {
                    alts.extend(more.iter().map(|m| m.to_string()));
                }
                alts
            })
            .collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let found_in =
            |ws: &[String], alts: &[String]| ws.iter().any(|w| alts.iter().any(|a| w.starts_with(a.as_str())));
        let mut hits: Vec<(usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let mut in_title = 0;
                for alts in &terms {
                    if found_in(&e.title, alts) {
                        in_title += 1;
                    } else if !found_in(&e.rest, alts) {
                        return None;
                    }
                }
                Some((i, in_title))
            })
            .collect();
        // Most words in the title first; `hits` is in entry order, and the
        // sort is stable, so ties stay in entry order.
        crate::order::sort_by_key(&mut hits, |&(_, in_title)| std::cmp::Reverse(in_title));
        hits.into_iter().map(|(i, _)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offer::{Amount, AmountPeriod, Category, Eligibility, OfferContact};

    fn item(title: &str, summary: &str, category: Category) -> OfferItem {
        OfferItem {
            id: title.to_lowercase().replace(' ', "-"),
            council_id: "liverpool".into(),
            category,
            title: title.into(),
            summary: summary.into(),
            details: String::new(),
            eligibility: Eligibility::default(),
            how_to_claim: String::new(),
            contact: OfferContact::default(),
            amount: Some(Amount { pence: 100, period: AmountPeriod::OneOff, up_to: false }),
            source: None,
            last_reviewed: "2026-01-01".parse().unwrap(),
            sample: true,
        }
    }

    fn offer() -> Vec<OfferItem> {
        vec![
            item("Setting up home allowance", "£3,000 to buy what you need for your first home.", Category::Money),
            item("A laptop and data", "A laptop to keep, and a year of data.", Category::EducationTraining),
            item("University bursary", "£2,000 if you go to university.", Category::EducationTraining),
            item("Driving lessons", "Ten lessons paid for.", Category::Participation),
            item("Council tax", "You pay no council tax until 25.", Category::Money),
        ]
    }

    fn titles(index: &SearchIndex, items: &[OfferItem], q: &str) -> Vec<String> {
        index.search(q).into_iter().map(|i| items[i].title.clone()).collect()
    }

    #[test]
    fn words_match_by_their_start_and_all_must_match() {
        let items = offer();
        let idx = SearchIndex::new(&items);
        assert_eq!(titles(&idx, &items, "lap"), ["A laptop and data"]);
        assert_eq!(titles(&idx, &items, "LAPTOP data"), ["A laptop and data"]);
        assert!(titles(&idx, &items, "laptop bursary").is_empty());
        assert!(idx.search("   ").is_empty());
    }

    #[test]
    fn everyday_words_find_what_councils_call_them() {
        let items = offer();
        let idx = SearchIndex::new(&items);
        let money = titles(&idx, &items, "money");
        assert!(money.contains(&"University bursary".to_string()), "{money:?}");
        assert!(money.contains(&"Setting up home allowance".to_string()), "{money:?}");
        assert_eq!(titles(&idx, &items, "computer"), ["A laptop and data"]);
        assert_eq!(titles(&idx, &items, "uni"), ["University bursary"]);
    }

    #[test]
    fn title_matches_come_first() {
        let items = offer();
        let idx = SearchIndex::new(&items);
        // "home" is in the first item's title and only in another's words.
        assert_eq!(titles(&idx, &items, "home")[0], "Setting up home allowance");
        // Category words are searchable too.
        assert!(titles(&idx, &items, "education").contains(&"A laptop and data".to_string()));
    }
}
