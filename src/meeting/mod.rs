//! Meeting: a PA meeting a young person (decision 0011).
//!
//! - Her side (both builds): "What we agreed" (`agreed`), each meeting's
//!   summary in the words her PA wrote for her, and when her next catch-up
//!   is due (`catch_up`, shown on Home).
//! - The PA's side (staff build only, `pa`): the meeting itself, with its
//!   agenda, ticks, notes and agreed actions, written as records through
//!   the sync engine so it works offline; and recording other contacts.

#[cfg(feature = "staff")]
pub mod pa;
