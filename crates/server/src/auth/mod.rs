//! Who is calling: passphrases, sign-in sessions, the session cookie, and the
//! extractors that let each handler's signature say which roles may call it.

pub mod caller;
pub mod client_address;
pub mod common_passwords;
pub mod cookie;
pub mod hashing;
pub mod limiter;
pub mod one_time_code;
pub mod passphrase;
pub mod second_factor;
pub mod session;

pub use caller::{Advisor, Caller, EvenIfLocked, Manager, SessionHolder, YoungPerson};
