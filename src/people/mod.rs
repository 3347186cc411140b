//! The people around a young person: their PA card on Home, and My people
//! (everyone they can turn to, "I feel unsafe", keep in touch, helplines,
//! and who does what at each stage).

mod contacts;
mod helplines;
pub mod keep_in_touch;
mod my_pa;
mod pa_card;
#[cfg(feature = "staff")]
mod pa_view;
mod people_page;
pub mod stages;
mod unsafe_alert;
mod who_does_what;

pub use my_pa::MyPaSection;
pub use pa_card::PaCard;
#[cfg(feature = "staff")]
pub use pa_view::{PaAlerts, PaRequests};
pub use people_page::PeoplePage;
