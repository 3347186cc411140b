//! The frame around every page, part of the shell (`app`): the header with
//! quick exit and the staff navigation, the young person's bottom bar, the
//! banners, and the pages for "not found" and "can't reach Pathway".

mod banners;
mod bottom_nav;
mod elsewhere;
mod header;
mod pages;
mod translated;

pub use banners::Banners;
pub use bottom_nav::BottomNav;
pub use elsewhere::ServedElsewhere;
#[cfg(not(feature = "staff"))]
pub use elsewhere::StaffOrNotFound;
pub use header::SiteHeader;
pub use pages::{NotFoundPage, NotKnownPage};
