//! My offer: the council's local offer for care leavers, sorted into what
//! is for this young person, what might be, and what is not, with their own
//! tracker on each item. Everything here works offline once the offer has
//! been loaded on one online visit: the offer is kept on the phone
//! (`book`), eligibility and search run on the phone, and the tracker is a
//! synced record like "Things to talk about".
//!
//! - `book`: loads the offer (`ui::load`), keeps a copy on the phone and in
//!   memory with its search index.
//! - `sections`: which items go under which heading (pure, tested here).
//! - `list`: the `/offer` page with its search.
//! - `card`: one item in a list.
//! - `item`: the `/offer/:id` page.
//! - `tracker`: the young person's tracker and "Ask my PA about this".
//! - `pa_tracker`: the tracker as their PA sees it, read-only.
//! - `editor`: managers keep the council's offer current (staff build).

mod book;
mod card;
#[cfg(feature = "staff")]
mod editor;
mod item;
mod list;
#[cfg(feature = "staff")]
mod pa_tracker;
pub mod sections;
mod tracker;

#[cfg(feature = "staff")]
pub use book::use_offer;
pub use card::OfferCard;
#[cfg(feature = "staff")]
pub use editor::editor_page;
pub use item::OfferItemPage;
pub use list::OfferPage;
#[cfg(feature = "staff")]
pub use pa_tracker::PaOfferTracker;
pub use tracker::Tracker;

/// Said of an item the council has retired, on her list and on its page.
const NO_LONGER_OFFERED: &str = "Your council no longer offers this.";
