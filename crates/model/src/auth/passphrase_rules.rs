//! What a new passphrase must be (OWASP ASVS 5.0, V6.2): at least 8
//! characters and up to `PASSPHRASE_MAX`, any characters at all, no rules
//! about mixing kinds of character. It is refused when it holds the
//! username, or when it is on the server's list of common and breached
//! passwords (the list lives with the server: it is too big to ship to
//! phones, so the server's answer carries the plain-words reason).

use thiserror::Error;

use super::PASSPHRASE_MAX;

pub const PASSPHRASE_MIN: usize = 8;

/// Why a new passphrase was refused, in words for the person choosing it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PassphraseProblem {
    #[error("Your passphrase needs at least {PASSPHRASE_MIN} characters. Try a few words together.")]
    TooShort,
    #[error("Your passphrase can have up to {PASSPHRASE_MAX} characters. Try a shorter one.")]
    TooLong,
    #[error("Your passphrase has your username in it. Choose something else.")]
    HasUsername,
    #[error("Lots of people use that passphrase, so it is easy to guess. Choose something else.")]
    TooCommon,
}

/// Checks length and username. `is_common` answers whether a lower-case
/// passphrase is on the list of common ones.
pub fn check(passphrase: &str, username: &str, is_common: impl Fn(&str) -> bool) -> Result<(), PassphraseProblem> {
    let length = passphrase.chars().count();
    if length < PASSPHRASE_MIN {
        return Err(PassphraseProblem::TooShort);
    }
    if length > PASSPHRASE_MAX {
        return Err(PassphraseProblem::TooLong);
    }
    let lower = passphrase.to_lowercase();
    let name = username.trim().to_lowercase();
    if !name.is_empty() && lower.contains(&name) {
        return Err(PassphraseProblem::HasUsername);
    }
    if is_common(&lower) || is_common(lower.trim()) {
        return Err(PassphraseProblem::TooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common(p: &str) -> bool {
        p == "password1"
    }

    #[test]
    fn length_from_8_to_the_maximum_and_any_characters() {
        assert_eq!(check("seven77", "jade", common), Err(PassphraseProblem::TooShort));
        assert_eq!(check("ëöü😀 日本語!", "jade", common), Ok(()));
        assert_eq!(check(&"a".repeat(64), "jade", common), Ok(()));
        assert_eq!(check(&"ab".repeat(PASSPHRASE_MAX), "jade", common), Err(PassphraseProblem::TooLong));
    }

    #[test]
    fn no_rules_about_mixing_kinds_of_character() {
        assert_eq!(check("blue kettle on the stairs", "jade", common), Ok(()));
    }

    #[test]
    fn the_username_or_a_common_password_is_refused() {
        assert_eq!(check("jade.w-is-me", "Jade.W", common), Err(PassphraseProblem::HasUsername));
        assert_eq!(check("PASSWORD1", "jade", common), Err(PassphraseProblem::TooCommon));
    }
}
