//! The staff second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30-second
//! steps, one step of clock drift either way) through the `totp-rs` crate,
//! and one-time recovery codes. Each time step is accepted once: the step a
//! code matched is stored (people.totp_last_step) and a code for that step or
//! an earlier one is refused, so a code seen over a shoulder cannot be reused.

use pathway_model::auth::account::RECOVERY_CODE_COUNT;
use rand::Rng;
use totp_rs::{Algorithm, Secret, TOTP};

use super::one_time_code;
use crate::error::ApiError;

pub const ISSUER: &str = "Pathway";
const DIGITS: usize = 6;
const STEP_SECS: u64 = 30;
const SKEW: u8 = 1;

/// A new random secret (160 bits), base32 without padding.
pub fn new_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(_) => unreachable!("to_encoded gives an encoded secret"),
    }
}

/// The secret in groups of four, for typing into an app by hand.
pub fn grouped(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

fn totp(secret: &str, username: &str) -> Result<TOTP, ApiError> {
    let bytes = Secret::Encoded(secret.to_string())
        .to_bytes()
        .map_err(|e| ApiError::Internal(format!("totp secret: {e:?}")))?;
    TOTP::new(Algorithm::SHA1, DIGITS, SKEW, STEP_SECS, bytes, Some(ISSUER.to_string()), username.to_string())
        .map_err(|e| ApiError::Internal(format!("totp: {e}")))
}

/// `otpauth://totp/Pathway:jade.w?secret=…&issuer=Pathway`.
pub fn otpauth_uri(secret: &str, username: &str) -> Result<String, ApiError> {
    Ok(totp(secret, username)?.get_url())
}

/// Whether `typed` looks like an authenticator code (6 digits, spaces allowed).
pub fn looks_like_totp(typed: &str) -> bool {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == DIGITS && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The time step `typed` is the code for, within one step of `now_secs`,
/// if it is later than `last_step`. `None`: wrong, or already used.
pub fn matching_step(
    secret: &str,
    username: &str,
    typed: &str,
    now_secs: u64,
    last_step: Option<i64>,
) -> Result<Option<i64>, ApiError> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if !looks_like_totp(&typed) {
        return Ok(None);
    }
    let totp = totp(secret, username)?;
    let now_step = now_secs / STEP_SECS;
    let mut found = None;
    for step in now_step.saturating_sub(SKEW as u64)..=now_step + SKEW as u64 {
        // Every candidate is computed, so timing says nothing about which matched.
        let code = totp.generate(step * STEP_SECS);
        if constant_eq(code.as_bytes(), typed.as_bytes()) {
            found = Some(step as i64);
        }
    }
    Ok(found.filter(|step| last_step.is_none_or(|last| *step > last)))
}

fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Recovery codes: 10 of them, each 10 characters of the one-time code
/// alphabet shown as "K7QMP-4XDAB".
pub fn new_recovery_codes() -> Vec<String> {
    let alphabet = pathway_model::auth::code::CODE_ALPHABET;
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let raw: String = (0..10).map(|_| alphabet[rng.gen_range(0..alphabet.len())] as char).collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect()
}

/// A recovery code as typed: case, spaces and dashes do not matter.
pub fn normalise_recovery(typed: &str) -> String {
    typed.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// What the database keeps of a recovery code.
pub fn recovery_hash(typed: &str) -> String {
    one_time_code::hash(&normalise_recovery(typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_works_in_its_step_and_the_next_but_only_once() {
        let secret = new_secret();
        let t = totp(&secret, "sam.j").unwrap();
        let now = 1_800_000_000u64;
        let code = t.generate(now);
        let step = (now / 30) as i64;
        assert_eq!(matching_step(&secret, "sam.j", &code, now, None).unwrap(), Some(step));
        assert_eq!(matching_step(&secret, "sam.j", &code, now + 30, None).unwrap(), Some(step), "a step late");
        assert_eq!(matching_step(&secret, "sam.j", &code, now + 90, None).unwrap(), None, "too late");
        assert_eq!(matching_step(&secret, "sam.j", &code, now, Some(step)).unwrap(), None, "used");
        assert_eq!(matching_step(&secret, "sam.j", "12345", now, None).unwrap(), None);
    }

    #[test]
    fn the_uri_names_pathway_and_the_username() {
        let secret = new_secret();
        let uri = otpauth_uri(&secret, "sam.j").unwrap();
        assert!(uri.starts_with("otpauth://totp/Pathway:sam.j?secret="), "{uri}");
        assert!(uri.contains("issuer=Pathway"));
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }

    #[test]
    fn recovery_codes_are_ten_different_codes_read_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), 10);
        assert_eq!(recovery_hash(&codes[0]), recovery_hash(&codes[0].to_lowercase().replace('-', " ")));
    }
}
