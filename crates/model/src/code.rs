//! One-time codes: the set-up code a new staff member gets, and the invite
//! or reset code a PA hands to a young person in person. Short and easy to
//! read aloud: 8 characters from an alphabet without look-alikes (no 0/O,
//! 1/I/L, 5/S, 2/Z, U/V), shown in two groups of four ("K7QM-4PXD").
//! 26 letters and digits give 30^8, about 6.6 × 10^11 codes; with sign-in
//! rate limits and a 7-day life, guessing one is out of reach.
//!
//! The server makes them (it has the randomness); this module says what a
//! code looks like, so the app, the sign-in page and the server agree.

use serde::{Deserialize, Serialize};

/// The characters a code is made of.
pub const CODE_ALPHABET: &[u8] = b"346789ABCDEFGHJKMNPQRTWXY";
/// Characters in a code, without the dash.
pub const CODE_LEN: usize = 8;
/// How long a code works for after it is made.
pub const CODE_LIFETIME_DAYS: i64 = 7;

/// What a code is for. A new code for the same person voids any older one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    /// A young person's first sign-in: she chooses a passphrase.
    Invite,
    /// A young person who forgot her passphrase: she chooses a new one, and
    /// keeps everything she had.
    Reset,
    /// A staff member's first sign-in, or a reset of theirs.
    StaffSetUp,
}

impl CodePurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            CodePurpose::Invite => "invite",
            CodePurpose::Reset => "reset",
            CodePurpose::StaffSetUp => "staff_set_up",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [CodePurpose::Invite, CodePurpose::Reset, CodePurpose::StaffSetUp].into_iter().find(|p| p.as_str() == s)
    }
}

/// A code as typed: spaces, dashes and case do not matter, and the
/// look-alikes we left out are read as the character they look like.
/// `None` when what is left is not a code's shape.
pub fn normalise(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_LEN);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'O' | '0' => 'Q',
            'I' | 'L' | '1' => 'T',
            'S' | '5' => 'X',
            'Z' | '2' => '7',
            'U' | 'V' => 'W',
            c => c,
        };
        if !c.is_ascii() || !CODE_ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    (out.chars().count() == CODE_LEN).then_some(out)
}

/// A normalised code as shown and read aloud: "K7QM-4PXD".
pub fn display(code: &str) -> String {
    if code.len() == CODE_LEN && code.is_ascii() { format!("{}-{}", &code[..4], &code[4..]) } else { code.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_read_without_case_spaces_or_dashes() {
        assert_eq!(normalise("k7qm-4pxd").as_deref(), Some("K7QM4PXD"));
        assert_eq!(normalise(" K7QM 4PXD ").as_deref(), Some("K7QM4PXD"));
        assert_eq!(display("K7QM4PXD"), "K7QM-4PXD");
    }

    #[test]
    fn look_alikes_are_read_as_what_they_look_like() {
        // O for Q is not perfect, but no code holds O, so nothing is lost.
        assert_eq!(normalise("K7QM-4PXD"), normalise("k7om-4pxd"));
        assert_eq!(normalise("K7QM-4PXD").unwrap().len(), CODE_LEN);
    }

    #[test]
    fn the_wrong_length_or_other_characters_are_not_a_code() {
        assert_eq!(normalise("K7QM-4PX"), None);
        assert_eq!(normalise("K7QM-4PXDD"), None);
        assert_eq!(normalise("K7QM-4PX!"), None);
        assert_eq!(normalise(""), None);
    }

    #[test]
    fn the_alphabet_has_no_look_alikes() {
        for c in "0O1IL5S2ZUV".bytes() {
            assert!(!CODE_ALPHABET.contains(&c), "{}", c as char);
        }
    }
}
