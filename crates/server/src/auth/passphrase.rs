//! Passphrase hashing with argon2id (the argon2 crate's defaults: 19 MiB,
//! 2 passes, 1 lane, OWASP's recommended minimum).

use std::cell::RefCell;
use std::sync::LazyLock;

use argon2::password_hash::{Output, PasswordHash, PasswordHasher, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Block, Params, Version};

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
        Ok(parsed) => verify_reusing_memory(passphrase, &parsed).unwrap_or(false),
        Err(_) => false,
    }
}

thread_local! {
    /// Each thread's argon2 working memory (19 MiB), kept for its next verify.
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// What `verify_password` does, but in the thread's own block buffer: a
/// fresh 19 MiB allocation per verify left most of it resident (the
/// allocator keeps freed memory in its arenas), 355 MiB after 20 sign-ins
/// in a row (issue 15, scripts/bench/sign-in-burst). Hashing runs on the
/// few threads of auth/hashing.rs, so this is at most 19 MiB per thread.
fn verify_reusing_memory(passphrase: &str, parsed: &PasswordHash) -> Option<bool> {
    let expected = parsed.hash?;
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = parsed.version.map(Version::try_from).transpose().ok()?.unwrap_or_default();
    let params = Params::try_from(parsed).ok()?;
    let mut salt_buf = [0u8; 64];
    let salt = parsed.salt?.decode_b64(&mut salt_buf).ok()?;
    let needed = params.block_count();
    let argon = Argon2::new(algorithm, version, params);
    let mut out = vec![0u8; expected.len()];
    BLOCKS.with(|blocks| {
        let mut blocks = blocks.borrow_mut();
        if blocks.len() < needed {
            blocks.resize(needed, Block::default());
        }
        argon.hash_password_into_with_memory(passphrase.as_bytes(), salt, &mut out, &mut blocks[..needed]).ok()
    })?;
    // Output's == compares in constant time.
    Some(Output::new(&out).ok()? == expected)
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

    #[test]
    fn the_reusing_verify_agrees_with_the_crates_own_for_other_parameters() {
        use argon2::PasswordVerifier;
        let salt = SaltString::generate(&mut OsRng);
        for (algorithm, version, m) in
            [(Algorithm::Argon2id, Version::V0x13, 8192), (Algorithm::Argon2i, Version::V0x10, 1024)]
        {
            let params = Params::new(m, 3, 1, Some(24)).unwrap();
            let argon = Argon2::new(algorithm, version, params);
            let h = argon.hash_password(b"pass phrase", &salt).unwrap().to_string();
            let parsed = PasswordHash::new(&h).unwrap();
            assert!(Argon2::default().verify_password(b"pass phrase", &parsed).is_ok());
            assert!(verify("pass phrase", &h), "{h}");
            assert!(!verify("pass phrasE", &h), "{h}");
        }
        // A big buffer kept from one verify serves a smaller one after it.
        assert!(verify("correct horse", &hash("correct horse").unwrap()));
    }
}
