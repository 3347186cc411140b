//! My health: the health history a young person keeps for life (DESIGN §3).
//!
//! - `entry`: the kinds of entry, who writes which field, who may see it.

pub mod entry;

pub use entry::{Author, HealthEntry, HealthKind, Visibility};
