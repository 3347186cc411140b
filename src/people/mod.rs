//! The people around a young person. For now: their PA (or the leaving-care
//! team when no PA is linked) and a placeholder for the full list.

mod my_pa;
mod pa_card;
mod people_page;

pub use my_pa::MyPaSection;
pub use pa_card::PaCard;
pub use people_page::PeoplePage;
