//! The offer on this phone: loaded from the server when we can, kept in
//! local storage for when we can't, and held in memory while the app runs
//! so moving between the list and an item doesn't read or parse it again.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::offer::OfferBook;
use pathway_model::offer::search::SearchIndex;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::saved;
use crate::state::use_app;

/// How long a loaded offer counts as fresh: opening another offer page
/// within this time doesn't ask the server again.
const FRESH_MS: f64 = 60_000.0;

/// An offer and its search index, built once when the offer arrives.
#[derive(Clone)]
pub struct Loaded {
    pub book: Arc<OfferBook>,
    pub index: Arc<SearchIndex>,
}

impl Loaded {
    pub fn new(book: OfferBook) -> Self {
        let index = Arc::new(SearchIndex::new(&book.items));
        Loaded {
            book: Arc::new(book),
            index,
        }
    }
}

/// The same load is the same offer: comparing the pointer is enough, and
/// keeps memos that depend on it cheap.
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.book, &other.book)
    }
}

struct Cached {
    person_id: Uuid,
    loaded: Loaded,
    /// When the server last answered (Unix ms), if it has this session.
    fetched_at: Option<f64>,
}

thread_local! {
    static CACHE: RefCell<Option<Cached>> = const { RefCell::new(None) };
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn cached(person_id: Uuid) -> Option<(Loaded, Option<f64>)> {
    CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|c| c.person_id == person_id)
            .map(|c| (c.loaded.clone(), c.fetched_at))
    })
}

fn remember(person_id: Uuid, loaded: Loaded, fetched_at: Option<f64>) {
    CACHE.with(|c| {
        *c.borrow_mut() = Some(Cached {
            person_id,
            loaded,
            fetched_at,
        })
    });
}

/// The offer for whoever is signed in, as a signal: at once from memory or
/// the phone, then refreshed from the server. `problem` holds why it could
/// not be loaded, for when there is nothing to show.
#[derive(Clone, Copy)]
pub struct OfferSignals {
    pub loaded: RwSignal<Option<Loaded>>,
    pub problem: RwSignal<Option<ApiError>>,
}

pub fn use_offer() -> OfferSignals {
    let state = use_app();
    let signals = OfferSignals {
        loaded: RwSignal::new(None),
        problem: RwSignal::new(None),
    };
    let Some(me) = state.me() else { return signals };
    let person_id = me.person_id;

    let (start, fetched_at) = match cached(person_id) {
        Some((loaded, at)) => (Some(loaded), at),
        None => {
            let loaded = saved::offer(person_id).map(Loaded::new);
            if let Some(l) = &loaded {
                remember(person_id, l.clone(), None);
            }
            (loaded, None)
        }
    };
    signals.loaded.set(start);
    if fetched_at.is_some_and(|at| now_ms() - at < FRESH_MS) {
        return signals;
    }
    spawn_local(async move {
        match api::offer().await {
            Ok(book) => {
                let same = cached(person_id).is_some_and(|(l, _)| *l.book == book);
                if same {
                    CACHE.with(|c| {
                        if let Some(c) = c.borrow_mut().as_mut() {
                            c.fetched_at = Some(now_ms());
                        }
                    });
                } else {
                    saved::set_offer(person_id, &book);
                    let loaded = Loaded::new(book);
                    remember(person_id, loaded.clone(), Some(now_ms()));
                    signals.loaded.set(Some(loaded));
                }
                signals.problem.set(None);
            }
            Err(e) => {
                state.note_error(&e);
                signals.problem.set(Some(e));
            }
        }
    });
    signals
}

/// Words for an offer that could not be loaded and is not on the phone.
pub fn problem_words(e: &ApiError) -> &'static str {
    if e.is_unreachable() {
        "You're offline, and the offer isn't saved on this phone yet. It will load when you're back online."
    } else {
        "We couldn't load the offer. Try again in a minute."
    }
}
