//! The staff screens' calls (staff build only, issue 13): the council's
//! staff, registering and moving young people, one-time codes.

use gloo_net::http::Method;
use pathway_model::caseload::YoungPersonProfile;
use pathway_model::council::{MoveYoungPerson, NewStaff, OneTimeCode, StaffMember, YoungPersonPlacement};
use uuid::Uuid;

use super::{ApiResult, BASE, check, get_json, json_of, send, to_server, with_json};

/// The manager's council's PAs and managers.
pub async fn staff() -> ApiResult<Vec<StaffMember>> {
    get_json(&format!("{BASE}/council/staff")).await
}

/// Adds a PA or a manager; the answer is their set-up code.
pub async fn add_staff(new: &NewStaff) -> ApiResult<OneTimeCode> {
    let req = with_json(to_server(Method::POST, &format!("{BASE}/council/staff")), new)?;
    json_of(send(req.send()).await?).await
}

/// Disables (`false`) or enables (`true`) a staff member's account.
pub async fn set_staff_enabled(person_id: Uuid, enabled: bool) -> ApiResult<()> {
    let what = if enabled { "enable" } else { "disable" };
    let url = format!("{BASE}/council/staff/{person_id}/{what}");
    check(send(to_server(Method::POST, &url).send()).await?).await.map(|_| ())
}

/// A new set-up code for a staff member (forgotten passphrase, lost phone).
pub async fn new_staff_code(person_id: Uuid) -> ApiResult<OneTimeCode> {
    let url = format!("{BASE}/council/staff/{person_id}/code");
    json_of(send(to_server(Method::POST, &url).send()).await?).await
}

/// The council's young people and who their PA is.
pub async fn placements() -> ApiResult<Vec<YoungPersonPlacement>> {
    get_json(&format!("{BASE}/council/young-people")).await
}

/// Moves a young person to another PA of the council, or to nobody.
pub async fn move_young_person(person_id: Uuid, advisor_id: Option<Uuid>) -> ApiResult<()> {
    let url = format!("{BASE}/council/young-people/{person_id}/advisor");
    let req = with_json(to_server(Method::PUT, &url), &MoveYoungPerson { advisor_id })?;
    check(send(req.send()).await?).await.map(|_| ())
}

/// A PA registers a young person onto their caseload; the answer is her
/// invite code.
pub async fn register(profile: &YoungPersonProfile) -> ApiResult<OneTimeCode> {
    let req = with_json(to_server(Method::POST, &format!("{BASE}/caseload")), profile)?;
    json_of(send(req.send()).await?).await
}

pub async fn profile(person_id: Uuid) -> ApiResult<YoungPersonProfile> {
    get_json(&format!("{BASE}/caseload/{person_id}/profile")).await
}

pub async fn save_profile(person_id: Uuid, profile: &YoungPersonProfile) -> ApiResult<()> {
    let url = format!("{BASE}/caseload/{person_id}/profile");
    let req = with_json(to_server(Method::PUT, &url), profile)?;
    check(send(req.send()).await?).await.map(|_| ())
}

/// A new code for a young person: an invite if she never chose a
/// passphrase, else a reset. Any older code stops working.
pub async fn new_young_person_code(person_id: Uuid) -> ApiResult<OneTimeCode> {
    let url = format!("{BASE}/caseload/{person_id}/code");
    json_of(send(to_server(Method::POST, &url).send()).await?).await
}

/// "Keeping in touch": each PA's overdue contacts and reviews, people out
/// of touch, and requests and alerts waiting, with the names behind them.
pub async fn keeping_in_touch() -> ApiResult<pathway_model::meeting::oversight::Oversight> {
    get_json(&format!("{BASE}/council/oversight")).await
}
