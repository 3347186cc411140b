//! The people around a young person: who they can contact, and the
//! requests they send them.
//!
//! - `keep_in_touch`: "please contact me" and "I'd like a PA again".
//! - `unsafe_alert`: the "I feel unsafe" alert.

pub mod keep_in_touch;
pub mod unsafe_alert;

use serde::{Deserialize, Serialize};

/// A person or team a young person can get in touch with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactCard {
    pub name: String,
    /// What they do, in plain words: "Your personal advisor".
    pub role_label: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// A mobile or short code that takes texts (`sms:`), if any.
    #[serde(default)]
    pub text: Option<String>,
    /// When they can be reached: "Monday to Friday, 9am to 5pm".
    #[serde(default)]
    pub hours: Option<String>,
}

impl ContactCard {
    /// A `tel:` link target: the number without spaces, which some phones
    /// refuse to dial.
    pub fn tel_href(&self) -> Option<String> {
        self.phone.as_ref().map(|p| format!("tel:{}", p.chars().filter(|c| !c.is_whitespace()).collect::<String>()))
    }

    pub fn sms_href(&self) -> Option<String> {
        self.text.as_ref().map(|p| format!("sms:{}", p.chars().filter(|c| !c.is_whitespace()).collect::<String>()))
    }

    pub fn mailto_href(&self) -> Option<String> {
        self.email.as_ref().map(|e| format!("mailto:{e}"))
    }
}

/// `GET /api/v1/people/my-pa`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPa {
    /// `None` when no PA is linked; the app then shows the council's team.
    pub advisor: Option<ContactCard>,
    pub leaving_care_team: ContactCard,
}

/// `GET /api/v1/people/mine`: everyone a young person can turn to, for My
/// people and the "who does what" cards. Kept on the phone for offline use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPeople {
    /// `None` when no PA is linked (the app offers "ask for a PA").
    pub pa: Option<ContactCard>,
    /// Under 18 only: their social worker and independent reviewing officer.
    pub social_worker: Option<ContactCard>,
    pub iro: Option<ContactCard>,
    pub leaving_care_team: ContactCard,
    /// The council's out-of-hours duty team.
    pub duty_team: ContactCard,
    pub council_name: String,
    pub sample_data: bool,
    /// Age today, and the date of the next birthday (`YYYY-MM-DD`), so the
    /// app can say what changes then without knowing the date of birth.
    pub age: u32,
    pub next_birthday: String,
}

/// Why `s` is not a UK phone number a phone can dial, or `None` if it is.
/// Accepts 999 and 111, short codes of 5 or 6 digits (Shout's 85258,
/// Samaritans' 116 123), and 8 to 11 digit numbers starting 0 or +44
/// (Childline's 0800 1111 has 8),
/// with spaces where people put them.
pub fn phone_problem(s: &str) -> Option<&'static str> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Some("must not be empty");
    }
    if trimmed.chars().count() > 20 {
        return Some("must be at most 20 characters");
    }
    if !trimmed.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '+') {
        return Some("must be digits and spaces only");
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let national = match trimmed.strip_prefix("+44") {
        Some(_) => format!("0{}", &digits[2..]),
        None if trimmed.contains('+') => return Some("must be a UK number"),
        None => digits,
    };
    let ok = matches!(national.as_str(), "999" | "111" | "112")
        || (national.len() == 5 || national.len() == 6) && !national.starts_with('0')
        || (8..=11).contains(&national.len()) && national.starts_with('0');
    if ok { None } else { Some("must be a UK phone number, like 0151 496 0100") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_numbers_helplines_and_short_codes_are_phone_numbers() {
        for good in ["0151 496 0100", "07700 900101", "+44 7700 900101", "999", "111", "116 123", "85258", "0800 1111"]
        {
            assert_eq!(phone_problem(good), None, "{good}");
        }
        for bad in ["", "call me", "12", "0151 496", "+1 555 0100", "07700 900101 ext 4", "0151-496-0100"] {
            assert!(phone_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn phone_links_drop_spaces_so_every_phone_can_dial_them() {
        let card = ContactCard {
            name: "Sam".into(),
            role_label: "Your personal advisor".into(),
            phone: Some("0151 000 0001".into()),
            email: Some("sam@example.org".into()),
            text: Some("07700 900101".into()),
            hours: None,
        };
        assert_eq!(card.tel_href().as_deref(), Some("tel:01510000001"));
        assert_eq!(card.mailto_href().as_deref(), Some("mailto:sam@example.org"));
    }
}
