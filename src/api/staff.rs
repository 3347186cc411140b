//! The staff screens' calls (staff build only, issue 13): the council's
//! staff, registering and moving young people, one-time codes.

#[allow(unused_imports)]
use super::{ApiError, ApiResult, BASE, check, get_json, json_of, send, to_server, with_json};
