//! Pathway's shared vocabulary: every type that crosses the wire between the
//! app and the server lives here once, so a renamed field fails to compile on
//! both sides. No I/O: only types, validation and pure rules.
//!
//! Modules are named after the product's features (`auth`, `people`,
//! `caseload`, …) so the same word finds the same thing in `src/`,
//! `crates/server/src/routes/` and `e2e/`. The leaves (`record`, `role`,
//! `date`, …) import no feature, and no feature imports `sync`
//! (docs/architecture.md §2, checked by scripts/check-layers.py).

pub mod age;
pub mod auth;
pub mod caseload;
pub mod catalogue;
pub mod code;
pub mod council;
pub mod date;
pub mod entitlement;
pub mod error;
pub mod fold;
pub mod health;
pub mod meeting;
pub mod offer;
pub mod order;
pub mod people;
pub mod phone;
pub mod plan;
pub mod profile;
pub mod readability;
pub mod record;
pub mod role;
pub mod sync;
pub mod topic;

pub use error::{ErrorBody, ErrorCode, ErrorDetail, FieldIssue};
