//! Draws part of a page one task after the rest. Building a whole page in
//! one go (its components' code running, much of it for the first time
//! since the page opened) made tasks of 20-40 ms on a repeat visit, which
//! a slow phone stretches past the 50 ms that blocks a tap (issue 12).
//! What is drawn later must sit below what is drawn first, so nothing
//! already on the screen moves.

use std::time::Duration;

use leptos::prelude::*;

/// `children`, drawn in the browser's next task rather than this one.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let now = RwSignal::new(false);
    // The page may be gone by then (she moved on): `try_set` does nothing.
    after_this_task(move || {
        now.try_set(true);
    });
    move || now.get().then(|| children())
}

/// Runs `f` in the browser's next task. Every caller goes through one boxed
/// closure, so the timer's glue code is in the wasm once, not once per
/// caller (each costs about 1 KB).
pub fn after_this_task(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    set_timeout(f, Duration::ZERO);
}
