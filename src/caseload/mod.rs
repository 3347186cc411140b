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

use pathway_model::ErrorCode;
use uuid::Uuid;

use crate::api::{ApiError, ApiResult};
// The young person in the address, as the meeting pages read it too.
use crate::meeting::pa::person_id_param;

/// Asks for `id`'s data; a mistyped address is the same as someone not on
/// the caseload.
async fn or_not_found<T, F, Fut>(id: Option<Uuid>, call: F) -> ApiResult<T>
where
    F: FnOnce(Uuid) -> Fut,
    Fut: Future<Output = ApiResult<T>>,
{
    match id {
        Some(id) => call(id).await,
        None => Err(ApiError::Api { status: 404, code: ErrorCode::NotFound, message: String::new() }),
    }
}
