//! My health: the health history a young person keeps for life (docs/architecture.md §3).
//!
//! - `kind`: the kinds of entry, who may see one, who wrote it.
//! - `entry`: who writes which field, who may see an entry, its typed view.
//! - `glossary`: plain-English meanings of words found in health records.
//! - `share`: what is in her passport, and the share link for a professional.

pub mod entry;
pub mod glossary;
pub mod kind;
pub mod share;

pub use entry::{Author, HealthEntry, HealthEntryChange, HealthKind, Visibility};
