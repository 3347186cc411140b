//! Draws a long list a slice at a time. Years of topics are hundreds of
//! items; drawing them all at once (their components, then the page's
//! layout) held the main thread for 0.5-0.6 s under a mid-range phone's
//! speed (Lighthouse, 560 topics), and the page could not be tapped. The
//! first slice draws with the page and each next one in the next frame, so
//! no one task is long, and the top of the list, which is what the person
//! sees first, is there at once.

use leptos::prelude::*;

/// Items drawn per frame: small enough that one slice (with its share of
/// layout) stays well under 50 ms on a mid-range phone. At 30, on a busy
/// machine, each slice came close to 50 ms under Lighthouse's simulated
/// phone, and a run of them over it made 0.5-1 s of blocking time.
pub const SLICE: usize = 10;

/// How many to draw after the next step, when `drawn` are drawn of `total`.
pub fn next_count(drawn: usize, total: usize, slice: usize) -> usize {
    if drawn >= total { drawn } else { (drawn + slice).min(total) }
}

/// How many of a list of `total` items to draw now: the first slice at once,
/// then one more slice per frame until all are drawn. A list that grows later
/// (a sync brings more) is caught up the same way; a list that shrinks
/// needs nothing, as only the first `count` items are drawn.
pub fn growing_count(total: Memo<usize>) -> ReadSignal<usize> {
    let (count, set_count) = signal(SLICE);
    // One frame asked for at a time: this runs again when a sync changes
    // the total too, and each run asking for its own frame started a new
    // chain, so after three pull pages three slices were drawn per frame.
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let (drawn, all) = (count.get(), total.get());
        if drawn < all && !asked.get_value() {
            asked.set_value(true);
            // One slice per frame, not per timer: with timers several
            // slices landed in one frame and their layout made one long
            // task (107 ms here, about 0.4 s on a mid-range phone). Between
            // frames the browser also answers taps.
            request_animation_frame(move || {
                // The list may be gone by then (she left Home).
                asked.try_set_value(false);
                set_count.try_update(|n| *n = next_count(*n, total.get_untracked(), SLICE)).unwrap_or(())
            });
        }
    });
    count
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_drawn_a_slice_at_a_time_until_every_item_is_there() {
        let mut drawn = SLICE;
        let mut steps = 0;
        while drawn < 560 {
            let next = next_count(drawn, 560, SLICE);
            assert!(next - drawn <= SLICE, "one step draws at most a slice");
            drawn = next;
            steps += 1;
        }
        assert_eq!(drawn, 560, "ends with every item drawn, not more");
        assert_eq!(steps, 560_usize.div_ceil(SLICE) - 1, "the first slice is drawn with the page");
    }

    #[test]
    fn a_short_or_finished_list_takes_no_more_steps() {
        assert_eq!(next_count(SLICE, 4, SLICE), SLICE);
        assert_eq!(next_count(560, 560, SLICE), 560);
        assert_eq!(next_count(30, 45, 30), 45);
    }
}
