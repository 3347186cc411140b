//! The errors every operation of a kind can answer, added to the document
//! once rather than in each annotation, from what the extractors do:
//!
//! - a JSON body (`extract::ApiJson`): 400 broken JSON, 413 too large,
//!   415 not sent as JSON, 422 the wrong shape;
//! - a query string (`extract::ApiQuery`): 400;
//! - a session (`auth::caller`): 401 without one (or ended, or the account
//!   closed), 403 for a role that may not call it or a staff member who must
//!   set up their second factor first, 423 while the device is locked
//!   (except lock and unlock themselves, which answer a locked session).
//!
//! An annotation that names one of these statuses itself keeps its own
//! words; this only fills in what is missing.

use utoipa::Modify;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};

/// Operations that read a locked session too (device_lock.rs).
const EVEN_IF_LOCKED: [&str; 2] = ["lock", "unlock"];

pub struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for op in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete].into_iter().flatten() {
                add_common(op);
            }
        }
    }
}

fn add_common(op: &mut Operation) {
    if op.request_body.is_some() {
        add(op, 400, "invalid_json: the body is not JSON");
        add(op, 413, "payload_too_large: the body is larger than the server reads");
        add(op, 415, "unsupported_media_type: the body was not sent as application/json");
        add(op, 422, "invalid_json or validation_failed: JSON of the wrong shape, or a value not allowed");
    }
    let has_query = op.parameters.iter().flatten().any(|p| match p {
        RefOr::T(p) => p.parameter_in == ParameterIn::Query,
        RefOr::Ref(_) => false,
    });
    if has_query {
        add(op, 400, "validation_failed: the query string is missing a parameter or has one of the wrong type");
    }
    if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
        add(op, 401, "unauthenticated (no session, or it has ended) or account_closed");
        add(
            op,
            403,
            "forbidden: this role may not call it; or second_factor_set_up_needed: a staff member must set up \
             their authenticator app first",
        );
        let id = op.operation_id.as_deref().unwrap_or_default();
        if !EVEN_IF_LOCKED.contains(&id) {
            add(op, 423, "locked: the app is locked on this device until the PIN is given at /auth/unlock");
        }
    }
}

/// Adds `status` with the error body, unless the operation already says it.
fn add(op: &mut Operation, status: u16, description: &str) {
    op.responses.responses.entry(status.to_string()).or_insert_with(|| {
        let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build();
        RefOr::T(ResponseBuilder::new().description(description).content("application/json", content).build())
    });
}
