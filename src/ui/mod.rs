//! Shared pieces every page uses: the header with quick exit, navigation,
//! banners, the small building blocks of cards, form parts (`form`) and
//! loading from the server (`load`).

mod banners;
mod bottom_nav;
pub mod form;
mod header;
pub mod load;
mod pages;
pub mod quick_exit;
mod sample;
mod skip_link;

pub use banners::Banners;
pub use bottom_nav::BottomNav;
pub use header::SiteHeader;
pub use load::{Keep, Loaded, Remote, load};
pub use pages::{NotFoundPage, NotKnownPage};
pub use quick_exit::QuickExit;
pub use sample::SampleBadge;
pub use skip_link::{SkipLink, focus_main};
