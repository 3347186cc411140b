//! The people around a young person: who they can contact, and the
//! requests they send them.
//!
//! - `keep_in_touch`: "please contact me" and "I'd like a PA again".
//! - `unsafe_alert`: the "I feel unsafe" alert.

pub mod keep_in_touch;
pub mod unsafe_alert;

use serde::{Deserialize, Serialize};

pub use crate::phone::phone_problem;

/// A person or team a young person can get in touch with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyPa {
    /// `None` when no PA is linked; the app then shows the council's team.
    pub advisor: Option<ContactCard>,
    pub leaving_care_team: ContactCard,
}

/// `GET /api/v1/people/mine`: everyone a young person can turn to, for My
/// people and the "who does what" cards. Kept on the phone for offline use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// A young person's social worker or independent reviewing officer, as
/// their PA records them: `PUT /caseload/{id}/contacts/{role}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactDetails {
    pub name: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// When they can be reached: "Monday to Friday, 9am to 5pm".
    #[serde(default)]
    pub hours: Option<String>,
}

/// The people around a young person under 18 whom the PA records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    SocialWorker,
    Iro,
}

impl ContactRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactRole::SocialWorker => "social_worker",
            ContactRole::Iro => "iro",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ContactRole::SocialWorker, ContactRole::Iro].into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactRole::SocialWorker => "Social worker",
            ContactRole::Iro => "Independent reviewing officer (IRO)",
        }
    }
}

impl ContactDetails {
    /// Every problem, as (field, problem), so a form can show them all at once.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            out.push(("name", "must be 1 to 100 characters".to_string()));
        }
        if let Some(problem) = self.phone.as_deref().filter(|p| !p.trim().is_empty()).and_then(phone_problem) {
            out.push(("phone", problem.to_string()));
        }
        if let Some(email) = self.email.as_deref().filter(|e| !e.trim().is_empty()) {
            if !keep_in_touch::looks_like_email(email) || email.chars().count() > 200 {
                out.push(("email", "must be an email address, like sam@council.example".to_string()));
            }
        }
        if self.hours.as_deref().is_some_and(|h| h.chars().count() > 100) {
            out.push(("hours", "must be at most 100 characters".to_string()));
        }
        if self.phone.as_deref().is_none_or(|p| p.trim().is_empty())
            && self.email.as_deref().is_none_or(|e| e.trim().is_empty())
        {
            out.push(("phone", "give a phone number or an email address".to_string()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_list_every_problem_at_once() {
        let bad = ContactDetails {
            name: " ".into(),
            phone: Some("ring me".into()),
            email: Some("chris@".into()),
            hours: None,
        };
        let fields: Vec<&str> = bad.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["name", "phone", "email"]);
        let none = ContactDetails { name: "Chris".into(), phone: None, email: Some(" ".into()), hours: None };
        assert_eq!(none.problems().len(), 1, "a way to reach them is needed");
        let good = ContactDetails {
            name: "Chris Adeyemi".into(),
            phone: Some("0151 496 0111".into()),
            email: None,
            hours: Some("Weekdays".into()),
        };
        assert!(good.problems().is_empty());
    }

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
