//! The offer on this phone. Loaded like every server answer (`ui::load`),
//! with a copy kept on the phone (`saved::offer`) so My offer and its
//! search work with no signal.
//!
//! The copy is also held in memory while the app runs, with its search
//! index. The list and an item page each load the offer; without this,
//! every move between them would parse the phone's copy again, rebuild the
//! search index (the slow part for a big offer) and ask the server again.
//! One path: memory, else the phone (`Keep::read`); then the server, unless
//! it answered in the last minute; an answer equal to what is held keeps
//! the held offer and its index.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use pathway_model::offer::OfferBook;
use pathway_model::offer::search::SearchIndex;
use uuid::Uuid;

use crate::api::{self, ApiResult};
use crate::i18n::{k, t};
use crate::saved;
use crate::state::{AppState, Who, use_app};
use crate::ui::{Keep, Loaded, Remote, load};

/// How long a server answer counts as fresh: opening another offer page
/// within this time doesn't ask the server again.
const FRESH_MS: f64 = 60_000.0;

/// An offer and its search index, built once when the offer arrives.
#[derive(Clone)]
pub struct IndexedOffer {
    /// Whose offer it is: a young person's holds their profile, so it is
    /// kept for them only. `None` when nobody is signed in (never kept).
    whose: Option<Uuid>,
    pub book: Arc<OfferBook>,
    pub index: Arc<SearchIndex>,
}

impl IndexedOffer {
    fn new(whose: Option<Uuid>, book: OfferBook) -> Self {
        let index = Arc::new(SearchIndex::new(&book.items));
        IndexedOffer { whose, book: Arc::new(book), index }
    }
}

/// The same load is the same offer: comparing the pointer is enough, and
/// keeps memos that depend on it cheap.
impl PartialEq for IndexedOffer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.book, &other.book)
    }
}

/// The offer held in memory for the person signed in.
#[derive(Clone)]
struct Held {
    offer: IndexedOffer,
    /// When the server last gave it (Unix ms); `None` if it came from the
    /// phone's copy.
    asked_at: Option<f64>,
    /// The phone's copy is this offer.
    on_phone: bool,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
}

fn held(whose: Option<Uuid>) -> Option<Held> {
    let whose = whose?;
    HELD.with(|h| h.borrow().as_ref().filter(|h| h.offer.whose == Some(whose)).cloned())
}

fn hold(held: Held) {
    if held.offer.whose.is_some() {
        HELD.with(|h| *h.borrow_mut() = Some(held));
    }
}

fn signed_in(state: AppState) -> Option<Uuid> {
    state.who.with_untracked(|w| match w {
        Who::SignedIn(me) => Some(me.person_id),
        _ => None,
    })
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `Keep::read`: what is held in memory, else the phone's copy (indexed
/// once, then held). Called by `load` while the page is being built, so the
/// app's state is there to say who is signed in.
fn read_kept() -> Option<IndexedOffer> {
    let whose = signed_in(use_app());
    if let Some(h) = held(whose) {
        return Some(h.offer);
    }
    let offer = IndexedOffer::new(whose, saved::offer(whose?)?);
    hold(Held { offer: offer.clone(), asked_at: None, on_phone: true });
    Some(offer)
}

/// `Keep::write`: puts a new offer from the server on the phone; one the
/// phone already has is not written again.
fn write_kept(offer: &IndexedOffer) {
    HELD.with(|h| {
        if let Some(h) = h.borrow_mut().as_mut()
            && h.offer == *offer
            && !h.on_phone
            && let Some(whose) = offer.whose
        {
            saved::set_offer(whose, &offer.book);
            h.on_phone = true;
        }
    });
}

/// Asks the server for the offer, unless it answered within `FRESH_MS`.
fn fetch(state: AppState) -> impl Future<Output = ApiResult<IndexedOffer>> {
    let whose = signed_in(state);
    let before = held(whose);
    async move {
        if let Some(h) = &before
            && h.asked_at.is_some_and(|at| now_ms() - at < FRESH_MS)
        {
            return Ok(h.offer.clone());
        }
        let book = api::offer().await?;
        let answer = match before {
            // The same offer: keep its index, and the page as it is.
            Some(h) if *h.offer.book == book => Held { asked_at: Some(now_ms()), ..h },
            _ => Held { offer: IndexedOffer::new(whose, book), asked_at: Some(now_ms()), on_phone: false },
        };
        let offer = answer.offer.clone();
        hold(answer);
        Ok(offer)
    }
}

/// The offer for whoever is signed in, as a page uses it.
#[derive(Clone, Copy)]
pub struct OfferLoad {
    /// The load itself, for `OfferLoadWords`.
    pub remote: Remote<IndexedOffer>,
    /// The offer to show. It changes only when a different offer arrives,
    /// so the page is not rebuilt when the server sends the same one again
    /// (a tracker being filled in keeps what is typed).
    pub shown: Memo<Option<IndexedOffer>>,
}

pub fn use_offer() -> OfferLoad {
    let state = use_app();
    let remote = load(move || fetch(state), Some(Keep { read: read_kept, write: write_kept }));
    OfferLoad { remote, shown: Memo::new(move |_| remote.value.get()) }
}

/// How the offer's load is going, in `ui::load`'s words: loading, offline
/// or failed (with "Try again") while there is nothing to show, and that it
/// is the phone's copy when it is. The page shows the offer from `shown`
/// rather than as `Loaded`'s children, which are rebuilt each time the
/// load moves on.
#[component]
pub fn OfferLoadWords(offer: OfferLoad) -> impl IntoView {
    view! { <Loaded remote=offer.remote what=t(k::OFFER_LOADING_WHAT) let:_offer>""</Loaded> }
}
