//! Passphrase hashing with argon2id (the argon2 crate's defaults: 19 MiB,
//! 2 passes, 1 lane, OWASP's recommended minimum).

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};

use crate::error::ApiError;

pub fn hash(passphrase: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(passphrase.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
}

pub fn verify(passphrase: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default().verify_password(passphrase.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Verified against when the username does not exist, so a wrong username
/// takes as long as a wrong passphrase and does not reveal who has an account.
static DECOY_HASH: LazyLock<String> = LazyLock::new(|| hash("decoy passphrase nobody has").unwrap_or_default());

pub fn verify_decoy(passphrase: &str) {
    let _ = verify(passphrase, &DECOY_HASH);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_verifies_and_a_wrong_one_does_not() {
        let h = hash("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse", &h));
        assert!(!verify("correct horsE", &h));
        assert!(!verify("correct horse", "not a hash"));
    }
}
