//! Signing in and out, and knowing who is signed in.

mod check;
mod login_page;
mod owed;
mod sign_out;

pub use check::check_who;
pub use owed::{owe_sign_out, sign_out_owed, sign_out_paid};

pub use login_page::{LoginPage, login_message};
pub use sign_out::SignOutButton;
