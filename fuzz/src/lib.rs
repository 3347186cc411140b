//! What each fuzz target does with its input, as plain functions: the
//! libFuzzer targets in `fuzz_targets/` call them, and so can anyone
//! replaying a crash by hand. Each decodes bytes the way the server or the
//! app decodes them from the outside world, then runs whatever checks the
//! code runs next on what was decoded. Any panic is a finding.

pub mod common;
pub mod dates;
pub mod field_rules;
pub mod glossary;
pub mod headers;
pub mod oruk_import;
pub mod query_strings;
pub mod request_bodies;
pub mod stored_records;
pub mod sync_push;
