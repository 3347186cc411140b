//! Prints how long offline offer search takes over 500 items (the three
//! sample offers repeated), as the app runs it. A figure, not a pass/fail:
//! `cargo run --release -p pathway-model --example search_bench`.

use std::time::Instant;

use pathway_model::offer::OfferItem;
use pathway_model::offer::search::SearchIndex;

fn main() {
    let mut base: Vec<OfferItem> = Vec::new();
    for json in [
        include_str!("../../../data/offers/liverpool.json"),
        include_str!("../../../data/offers/knowsley.json"),
        include_str!("../../../data/offers/wirral.json"),
    ] {
        base.extend(serde_json::from_str::<Vec<OfferItem>>(json).expect("sample offers"));
    }
    let items: Vec<OfferItem> = base.iter().cycle().take(500).cloned().collect();
    let t0 = Instant::now();
    let index = SearchIndex::new(&items);
    let build = t0.elapsed();
    let queries = ["laptop", "money", "home", "uni bursary", "driving", "d", "counselling support", "zzz"];
    let rounds = 200;
    let t1 = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for q in queries {
            found += index.search(q).len();
        }
    }
    let per_query = t1.elapsed().as_secs_f64() * 1e6 / (rounds * queries.len()) as f64;
    println!(
        "offer search over {} items: index built in {:.2} ms; {:.1} µs per query (mean of {} queries, {} hits)",
        items.len(),
        build.as_secs_f64() * 1e3,
        per_query,
        rounds * queries.len(),
        found / rounds
    );
}
