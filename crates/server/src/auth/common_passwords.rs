//! The list of common and breached passwords a new passphrase may not be
//! (data/common-passwords.txt, lower case, one a line), and the one check
//! every route that sets a passphrase makes.

use std::collections::HashSet;
use std::sync::LazyLock;

use pathway_model::auth::passphrase_rules;

use crate::error::ApiError;

static LIST: &str = include_str!("../../data/common-passwords.txt");

static COMMON: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| LIST.lines().map(str::trim).filter(|l| !l.is_empty()).collect());

/// Whether a lower-case passphrase is on the list.
pub fn is_common(lower: &str) -> bool {
    COMMON.contains(lower)
}

/// A new passphrase for `username`, checked by the shared rules: 422
/// `weak_passphrase` with the reason in plain words.
pub fn check_new(passphrase: &str, username: &str) -> Result<(), ApiError> {
    passphrase_rules::check(passphrase, username, is_common).map_err(|p| ApiError::WeakPassphrase(p.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_loaded_and_used() {
        assert!(COMMON.len() > 10_000);
        assert!(is_common("password"));
        assert!(matches!(check_new("Password123", "jade.w"), Err(ApiError::WeakPassphrase(_))));
        assert!(matches!(check_new("qwertyuiop", "jade.w"), Err(ApiError::WeakPassphrase(_))));
        assert!(check_new("blue kettle on the stairs", "jade.w").is_ok());
    }
}
