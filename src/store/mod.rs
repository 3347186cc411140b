//! The phone's own copy of the person's records, and the sync engine that
//! swaps changes with the server (docs/architecture.md §4). Screens read and
//! write records only here, so they are instant and work with no signal.
//! (Copies of server answers that nobody writes live in `saved`.)
//!
//! - `local`: the database (through `crate::idb`, the few IndexedDB calls
//!   we need, awaitable): loads and saves the parts of a `Replica`.
//! - `changes`: what to write after the replica changed (pure).
//! - `engine`: when to sync, and what the screens see.
//! - `schedule`: the rules for when to sync, apart from timers and the
//!   network so they are tested natively (pure).
//! - `status`: the honest line that says where the changes are.

pub mod changes;
pub mod engine;
pub mod local;
mod schedule;
mod status;

pub use engine::{ChangeError, SyncState, use_sync};
pub use local::Store;
pub use status::{SyncStatus, status_words};
pub mod save;
pub use save::{Save, SaveState};
