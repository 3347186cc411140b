//! Signing in and out.

mod login_page;
mod sign_out;

pub use login_page::{LoginPage, login_message};
pub use sign_out::SignOutButton;
