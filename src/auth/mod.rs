//! Signing in and out, and knowing who is signed in.

mod check;
pub mod exited;
mod owed;
mod sign_out;
pub mod staff_idle;
mod to_login;
mod wipe;

pub use check::check_who;
pub use owed::{owe_sign_out, sign_out_owed, sign_out_paid};

pub use sign_out::SignOutButton;
pub use to_login::{WhyLogin, go_to_login, login_href};
pub use wipe::{wipe_this_phone, wipe_when_closed};
