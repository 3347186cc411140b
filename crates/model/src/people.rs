//! The people around a young person: their PA and, later, everyone else.

use serde::{Deserialize, Serialize};

/// A person or team a young person can get in touch with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactCard {
    pub name: String,
    /// What they do, in plain words: "Your personal advisor".
    pub role_label: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl ContactCard {
    /// A `tel:` link target: the number without spaces, which some phones
    /// refuse to dial.
    pub fn tel_href(&self) -> Option<String> {
        self.phone.as_ref().map(|p| format!("tel:{}", p.chars().filter(|c| !c.is_whitespace()).collect::<String>()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_drop_spaces_so_every_phone_can_dial_them() {
        let card = ContactCard {
            name: "Sam".into(),
            role_label: "Your personal advisor".into(),
            phone: Some("0151 000 0001".into()),
            email: Some("sam@example.org".into()),
        };
        assert_eq!(card.tel_href().as_deref(), Some("tel:01510000001"));
        assert_eq!(card.mailto_href().as_deref(), Some("mailto:sam@example.org"));
    }
}
