//! The PA's side of a meeting (staff build only): the meeting page with
//! its agenda (`agenda`, pure; `agenda_view`), the actions agreed on the
//! spot (`actions_form`), the contact record's fields (`contact_fields`,
//! checked in `draft`), "Record a contact" (`contact_page`), and, for her
//! page, the actions (`actions_list`) and the contacts (`history`).
//! Everything is written as synced records, so it works with no signal.

mod actions_form;
mod actions_list;
pub mod agenda;
mod agenda_view;
mod contact_fields;
mod contact_page;
pub mod draft;
mod history;
mod kept;
mod overview;
mod page;

pub use actions_list::PaActions;
pub use contact_page::ContactPage;
pub use history::{ContactHistory, contacts_of};
pub use overview::{AboutHer, NOT_ON_CASELOAD, load_overview, or_not_found, person_id_param};
pub use page::MeetingPage;
