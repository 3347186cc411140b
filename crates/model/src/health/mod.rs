//! My health: the health history a young person keeps for life (DESIGN §3).
//!
//! - `entry`: the kinds of entry, who writes which field, who may see it.
//! - `glossary`: plain-English meanings of words found in health records.

pub mod entry;
pub mod glossary;

pub use entry::{Author, HealthEntry, HealthKind, Visibility};
