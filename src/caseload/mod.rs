//! What a PA needs for their work: the caseload and one young person's
//! overview; registering a young person, changing her details and making
//! her a new code (issue 13); when contact and reviews are due (`due`,
//! `keeping_in_touch`), with the meeting and contact pages in
//! `meeting::pa` (issue 14).

mod caseload_page;
mod code_page;
mod contacts_form;
mod due;
mod keeping_in_touch;
mod person_page;
mod profile_form;
mod profile_page;
mod register_page;

pub use caseload_page::CaseloadPage;
pub use code_page::CodePage;
pub use person_page::PersonPage;
pub use profile_page::ProfilePage;
pub use register_page::RegisterPage;

// The young person in the address and the frame of a page about her, as
// the meeting pages use them too.
use crate::meeting::pa::{AboutHer, NOT_ON_CASELOAD, or_not_found, person_id_param};
