//! Every JSON request body the server reads (other than a push and an ORUK
//! upload, which have their own targets), chosen by the first byte: decoded
//! as the server's `ApiJson<T>` decodes it (axum's `Json::from_bytes`), then
//! put through the checks its handler runs before touching the database.

use axum::Json;
use pathway_model::auth::LoginRequest;
use pathway_model::auth::account::{ChangePassphrase, CloseAccount, CodeCheckRequest, RedeemRequest, SecondFactorConfirm};
use pathway_model::auth::device_lock::{PinRequest, check_pin};
use pathway_model::caseload::YoungPersonProfile;
use pathway_model::code;
use pathway_model::council::{MoveYoungPerson, NewStaff};
use pathway_model::people::ContactDetails;
use pathway_server::auth::common_passwords::check_new;
use pathway_server::auth::second_factor::{looks_like_totp, matching_step, normalise_recovery};
use serde::de::DeserializeOwned;

use crate::common::{NOW_MS, split_first, todays};

/// A fixed authenticator secret (base32), so a typed code is checked the
/// way sign-in checks it.
const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

fn body<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    Json::<T>::from_bytes(bytes).ok().map(|Json(v)| v)
}

pub fn run(data: &[u8]) {
    let Some((which, bytes)) = split_first(data) else { return };
    match which % 11 {
        // POST /auth/login
        0 => {
            let Some(req) = body::<LoginRequest>(bytes) else { return };
            if req.validate().is_ok() {
                let _ = req.normalised_username();
            }
            if let Some(typed) = req.second_factor.as_deref() {
                second_factor(typed);
            }
        }
        // POST /account/code (check) and /account/redeem
        1 => {
            let Some(req) = body::<CodeCheckRequest>(bytes) else { return };
            if let Some(c) = code::normalise(&req.code) {
                let _ = code::display(&c);
            }
        }
        2 => {
            let Some(req) = body::<RedeemRequest>(bytes) else { return };
            let _ = code::normalise(&req.code);
            let _ = check_new(&req.passphrase, "jade");
        }
        // POST /account/second-factor/confirm
        3 => {
            let Some(req) = body::<SecondFactorConfirm>(bytes) else { return };
            second_factor(&req.code);
        }
        // PUT /account/passphrase, POST /account/close
        4 => {
            let Some(req) = body::<ChangePassphrase>(bytes) else { return };
            let _ = check_new(&req.new, "pa.sam");
        }
        5 => drop(body::<CloseAccount>(bytes)),
        // PUT /auth/pin, POST /auth/unlock
        6 => {
            let Some(req) = body::<PinRequest>(bytes) else { return };
            let _ = check_pin(&req.pin);
        }
        // PUT /caseload/{id}/contacts/{role}
        7 => {
            let Some(details) = body::<ContactDetails>(bytes) else { return };
            let _ = details.problems();
        }
        // POST /caseload, PUT /caseload/{id}/profile
        8 => {
            let Some(profile) = body::<YoungPersonProfile>(bytes) else { return };
            for today in todays() {
                let _ = profile.validate(today);
            }
            let _ = profile.date_of_birth.format("%Y-%m-%d").to_string();
            let _ = profile.circumstances.iter().map(|c| c.as_str()).collect::<Vec<_>>();
        }
        // POST /staff, PUT /staff/young-people/{id}/advisor
        9 => drop(body::<NewStaff>(bytes)),
        _ => drop(body::<MoveYoungPerson>(bytes)),
    }
}

/// What sign-in does with a typed second factor: an authenticator code is
/// checked against the secret, anything else is read as a recovery code.
fn second_factor(typed: &str) {
    if looks_like_totp(typed) {
        let now = u64::try_from(NOW_MS / 1000).unwrap_or(0);
        let _ = matching_step(SECRET, "pa.sam", typed, now, None);
    } else {
        let _ = normalise_recovery(typed);
    }
}
