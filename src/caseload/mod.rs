//! What a PA needs for their work: the caseload and one young person's
//! overview. Later, meetings with the young person (`meeting`).

mod caseload_page;
mod contacts_form;
mod person_page;

pub use caseload_page::CaseloadPage;
pub use person_page::PersonPage;
