//! The words of a health entry's fixed choices: what kind it is, who may
//! see it, and who wrote it, with the plain-English labels the app shows.

use serde::{Deserialize, Serialize};

use crate::role::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthKind {
    Birth,
    Immunisation,
    Condition,
    Allergy,
    Medicine,
    Appointment,
    Practitioner,
    FamilyHistory,
    Note,
}

impl HealthKind {
    pub const ALL: [HealthKind; 9] = [
        HealthKind::Allergy,
        HealthKind::Medicine,
        HealthKind::Condition,
        HealthKind::Immunisation,
        HealthKind::Practitioner,
        HealthKind::Appointment,
        HealthKind::Birth,
        HealthKind::FamilyHistory,
        HealthKind::Note,
    ];
    pub(crate) const WORDS: &'static [&'static str] = &[
        "allergy",
        "medicine",
        "condition",
        "immunisation",
        "practitioner",
        "appointment",
        "birth",
        "family_history",
        "note",
    ];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[Self::ALL.iter().position(|k| *k == self).unwrap_or(0)]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
    }

    /// Plural heading for a list of this kind.
    pub fn heading(self) -> &'static str {
        match self {
            HealthKind::Birth => "When I was born",
            HealthKind::Immunisation => "Jabs (immunisations)",
            HealthKind::Condition => "Health conditions",
            HealthKind::Allergy => "Allergies",
            HealthKind::Medicine => "Medicines",
            HealthKind::Appointment => "Appointments",
            HealthKind::Practitioner => "My GP, dentist and optician",
            HealthKind::FamilyHistory => "Family health",
            HealthKind::Note => "Notes",
        }
    }

    /// One of this kind, for labels: "an allergy".
    pub fn singular(self) -> &'static str {
        match self {
            HealthKind::Birth => "birth detail",
            HealthKind::Immunisation => "jab",
            HealthKind::Condition => "health condition",
            HealthKind::Allergy => "allergy",
            HealthKind::Medicine => "medicine",
            HealthKind::Appointment => "appointment",
            HealthKind::Practitioner => "GP, dentist or optician",
            HealthKind::FamilyHistory => "family health fact",
            HealthKind::Note => "note",
        }
    }

    /// What to ask for, and whom, when there is nothing of this kind yet.
    pub fn empty_hint(self) -> &'static str {
        match self {
            HealthKind::Birth => {
                "Ask your PA for your birth details, like your weight and where you were born. They may be in your Red Book or your health assessments."
            }
            HealthKind::Immunisation => {
                "Ask your GP surgery for a list of your jabs. Your PA can also check your health assessments."
            }
            HealthKind::Condition => "If you have a health condition, ask your GP or PA to add it, or add it yourself.",
            HealthKind::Allergy => {
                "If you are allergic to anything, add it here. Your GP can tell you what is on your record."
            }
            HealthKind::Medicine => {
                "Add any medicine you take. Your GP or pharmacist can tell you what you are prescribed."
            }
            HealthKind::Appointment => "Add appointments so you don't forget them.",
            HealthKind::Practitioner => {
                "Add your GP, dentist and optician. If you don't have one, ask your PA to help you sign up."
            }
            HealthKind::FamilyHistory => {
                "Ask your PA if anything is known about your family's health. It can help doctors."
            }
            HealthKind::Note => "Write anything you want to remember about your health.",
        }
    }

    /// Allergies and medicines come first in the passport: they matter most
    /// in an emergency.
    pub fn passport_order(self) -> u8 {
        match self {
            HealthKind::Allergy => 0,
            HealthKind::Medicine => 1,
            HealthKind::Condition => 2,
            HealthKind::Practitioner => 3,
            HealthKind::Immunisation => 4,
            HealthKind::Birth => 5,
            HealthKind::FamilyHistory => 6,
            HealthKind::Appointment => 7,
            HealthKind::Note => 8,
        }
    }
}

/// Who may see an entry besides the young person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    MeOnly,
    MyPa,
    MyPaAndHealth,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::MeOnly, Visibility::MyPa, Visibility::MyPaAndHealth];
    pub(crate) const WORDS: &'static [&'static str] = &["me_only", "my_pa", "my_pa_and_health"];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::MeOnly => "me_only",
            Visibility::MyPa => "my_pa",
            Visibility::MyPaAndHealth => "my_pa_and_health",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Visibility::MeOnly => "Only me",
            Visibility::MyPa => "Me and my PA",
            Visibility::MyPaAndHealth => "Me, my PA and health staff",
        }
    }
}

/// Who wrote an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// A PA (or health staff through them).
    Professional,
    Me,
}

impl Author {
    pub const ALL: [Author; 2] = [Author::Professional, Author::Me];
    pub(crate) const WORDS: &'static [&'static str] = &["professional", "me"];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
    }

    pub(crate) fn of(role: Role) -> Option<Author> {
        match role {
            Role::YoungPerson => Some(Author::Me),
            Role::Advisor => Some(Author::Professional),
            Role::Manager => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kinds_and_visibilities_round_trip_through_their_words() {
        for k in HealthKind::ALL {
            assert_eq!(HealthKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), json!(k.as_str()));
        }
        for v in Visibility::ALL {
            assert_eq!(Visibility::parse(v.as_str()), Some(v));
            assert_eq!(serde_json::to_value(v).unwrap(), json!(v.as_str()));
        }
        for a in Author::ALL {
            assert_eq!(Author::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_value(a).unwrap(), json!(a.as_str()));
        }
    }
}
