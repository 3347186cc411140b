//! Text a person wrote, as the app reads it against word lists: the
//! glossary's linking of health words (`link_terms`, `terms_in`), its
//! search box (`search`), the offer's search box (`SearchIndex`) and the
//! case fold both use. Linking must give the text back exactly.

use std::sync::LazyLock;

use pathway_model::fold;
use pathway_model::health::glossary::{self, Segment, TERMS};
use pathway_model::offer::OfferItem;
use pathway_model::offer::search::SearchIndex;

static OFFER: LazyLock<SearchIndex> = LazyLock::new(|| {
    let items: Vec<OfferItem> =
        serde_json::from_str(include_str!("../../data/offers/liverpool.json")).expect("the demo offer reads");
    SearchIndex::new(&items)
});

pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let terms: &'static [glossary::Term] = &TERMS;
    let segments = glossary::link_terms(terms, &text);
    let joined: String = segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => *t,
            Segment::Term { text, .. } => *text,
        })
        .collect();
    assert_eq!(joined, text, "linked text does not join back to what was written");
    assert!(segments.iter().all(|s| !matches!(s, Segment::Text(""))), "an empty plain segment");
    let _ = glossary::terms_in(terms, &text);
    let _ = glossary::search(terms, &text);
    let _ = fold::lower(&text);
    let _ = OFFER.search(&text);
}
