//! Ordering short lists without the standard library's sorts.
//!
//! Every `sort_by_key` on a new element or key type is its own copy of the
//! standard stable sort, about 3 KB of the app's wasm each. The lists we
//! order are short (a screen's worth), so a binary insertion sort is as quick
//! in practice and costs a few hundred bytes per use.

/// Stable, like `slice::sort_by_key`: items with equal keys keep their order.
/// Quadratic moves in the worst case: for lists of tens or hundreds, not
/// thousands.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    let mut sorted: Vec<T> = Vec::with_capacity(items.len());
    for item in std::mem::take(items) {
        let k = key(&item);
        // After every item with a key <= k, so equal keys stay in order.
        let at = sorted.partition_point(|x| key(x) <= k);
        sorted.insert(at, item);
    }
    *items = sorted;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    proptest! {
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = v;
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }
    }
}
