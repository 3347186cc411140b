//! Each council's offer items, kept in memory as the JSON array that
//! `GET /offer` sends. An offer changes a few times a year and is read on
//! every app start; reading it from the database and turning ~20 rows of
//! JSON into items and back cost more than the rest of the request.
//!
//! Entries are keyed by the council's `offer_revision`, which `offer::replace`
//! bumps in the transaction that changes the offer. Readers compare it with
//! the revision in the council row they read anyway, so an offer published
//! through another replica or by the import command shows at once too; no
//! message between processes is needed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::value::RawValue;

#[derive(Default)]
pub struct OfferCache {
    by_council: Mutex<HashMap<String, Entry>>,
}

struct Entry {
    revision: i64,
    items: Arc<RawValue>,
}

impl OfferCache {
    /// The items of `council_id` if what is kept is of `revision`.
    pub fn get(&self, council_id: &str, revision: i64) -> Option<Arc<RawValue>> {
        let map = self.by_council.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(council_id).filter(|e| e.revision == revision).map(|e| e.items.clone())
    }

    /// Keeps `items`, read at `revision` or later, unless something of a
    /// later revision is already kept (a slow reader must not put back an
    /// older copy, which would only cost the next reader a reload).
    pub fn put(&self, council_id: &str, revision: i64, items: Arc<RawValue>) {
        let mut map = self.by_council.lock().unwrap_or_else(PoisonError::into_inner);
        match map.get(council_id) {
            Some(kept) if kept.revision > revision => {}
            _ => {
                map.insert(council_id.to_string(), Entry { revision, items });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> Arc<RawValue> {
        Arc::from(RawValue::from_string(s.to_string()).unwrap())
    }

    #[test]
    fn a_copy_serves_only_its_own_revision() {
        let cache = OfferCache::default();
        assert!(cache.get("wirral", 0).is_none());
        cache.put("wirral", 3, json("[1]"));
        assert_eq!(cache.get("wirral", 3).unwrap().get(), "[1]");
        assert!(cache.get("wirral", 4).is_none(), "a newer revision in the database is a miss");
        assert!(cache.get("knowsley", 3).is_none());
    }

    #[test]
    fn an_older_copy_never_replaces_a_newer_one() {
        let cache = OfferCache::default();
        cache.put("wirral", 5, json("[5]"));
        cache.put("wirral", 4, json("[4]"));
        assert_eq!(cache.get("wirral", 5).unwrap().get(), "[5]");
        cache.put("wirral", 6, json("[6]"));
        assert_eq!(cache.get("wirral", 6).unwrap().get(), "[6]");
    }
}
