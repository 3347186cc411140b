//! The account's own calls (issue 13): change the passphrase, where you are
//! signed in, download your copy, close your account.

#[allow(unused_imports)]
use super::{ApiError, ApiResult, BASE, check, get_json, json_of, send, to_server, with_json};
