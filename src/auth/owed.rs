//! A sign-out this phone owes the server: after ten wrong PINs the phone is
//! wiped at once, but with no signal the server can't be told. The debt is
//! kept in local storage, and paid by `check_who` on the next start (or
//! cleared by a new sign-in, which replaces the old session).

/// The key predates this module (the lock wrote it), so phones that owe a
/// sign-out from an older build still pay it.
const SIGN_OUT_OWED: &str = "pathway.lock.sign_out_owed";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn owe_sign_out() {
    if let Some(s) = storage() {
        let _ = s.set_item(SIGN_OUT_OWED, "1");
    }
}

pub fn sign_out_owed() -> bool {
    storage().and_then(|s| s.get_item(SIGN_OUT_OWED).ok().flatten()).is_some()
}

/// The session this phone held has ended (or was replaced by a new
/// sign-in): nothing is owed any more.
pub fn sign_out_paid() {
    if let Some(s) = storage() {
        let _ = s.remove_item(SIGN_OUT_OWED);
    }
}
