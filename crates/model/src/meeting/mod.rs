//! Meeting: a PA meeting a young person (docs/architecture.md §3, decision 0011).
//!
//! - `contact`: the written record of each contact (reg. 8 of the Care
//!   Leavers (England) Regulations 2010), one record per contact or missed
//!   attempt, written by the PA, read by her.
//! - `action`: what was agreed, who does it and by when; she ticks her own.
//! - `rhythm`: when the next contact and the next review are due, worked
//!   out from those records (both sides use the same rule).
//! - `oversight`: a manager's per-PA figures with the names behind them.

pub mod action;
pub mod contact;
pub mod oversight;
pub mod rhythm;

pub use action::{ActionOwner, AgreedAction, AgreedActionChange};
pub use contact::{Contact, ContactChange, ContactHow};
pub use rhythm::Rhythm;
