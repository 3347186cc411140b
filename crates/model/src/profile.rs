//! What a young person's entitlements depend on: their legal status and
//! circumstances. Stored as snake_case words in the database and on the wire.

use serde::{Deserialize, Serialize};

/// Leaving-care status under the Children Act 1989.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    /// 16 or 17, has left care after being looked after long enough.
    Relevant,
    /// 18 to 25, was relevant or eligible before turning 18.
    FormerRelevant,
    /// Looked after for a shorter time, or under a special guardianship order.
    Qualifying,
}

impl LegalStatus {
    pub const ALL: [LegalStatus; 3] = [LegalStatus::Relevant, LegalStatus::FormerRelevant, LegalStatus::Qualifying];

    pub fn as_str(self) -> &'static str {
        match self {
            LegalStatus::Relevant => "relevant",
            LegalStatus::FormerRelevant => "former_relevant",
            LegalStatus::Qualifying => "qualifying",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Plain words for a young person.
    pub fn label(self) -> &'static str {
        match self {
            LegalStatus::Relevant => "Relevant (16 or 17 and left care)",
            LegalStatus::FormerRelevant => "Former relevant (care leaver, 18 to 25)",
            LegalStatus::Qualifying => "Qualifying care leaver",
        }
    }
}

/// Circumstances that change what a young person can get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Circumstance {
    InEducation,
    YoungParent,
    InCustody,
    Disabled,
    LivingOutOfArea,
    Pregnant,
    UnaccompaniedAsylumSeeker,
}

impl Circumstance {
    pub const ALL: [Circumstance; 7] = [
        Circumstance::InEducation,
        Circumstance::YoungParent,
        Circumstance::InCustody,
        Circumstance::Disabled,
        Circumstance::LivingOutOfArea,
        Circumstance::Pregnant,
        Circumstance::UnaccompaniedAsylumSeeker,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Circumstance::InEducation => "in_education",
            Circumstance::YoungParent => "young_parent",
            Circumstance::InCustody => "in_custody",
            Circumstance::Disabled => "disabled",
            Circumstance::LivingOutOfArea => "living_out_of_area",
            Circumstance::Pregnant => "pregnant",
            Circumstance::UnaccompaniedAsylumSeeker => "unaccompanied_asylum_seeker",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Words that finish "you are …", for reasons in sentences.
    pub fn phrase(self) -> &'static str {
        match self {
            Circumstance::InEducation => "in education or training",
            Circumstance::YoungParent => "a young parent",
            Circumstance::InCustody => "in custody or just released",
            Circumstance::Disabled => "disabled",
            Circumstance::LivingOutOfArea => "living outside the council's area",
            Circumstance::Pregnant => "pregnant",
            Circumstance::UnaccompaniedAsylumSeeker => "someone who came to the UK alone as a child",
        }
    }

    /// Plain words for a young person.
    pub fn label(self) -> &'static str {
        match self {
            Circumstance::InEducation => "In education or training",
            Circumstance::YoungParent => "Young parent",
            Circumstance::InCustody => "In custody or just released",
            Circumstance::Disabled => "Disabled",
            Circumstance::LivingOutOfArea => "Living outside the council's area",
            Circumstance::Pregnant => "Pregnant",
            Circumstance::UnaccompaniedAsylumSeeker => "Came to the UK alone as a child",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_circumstance_round_trips_through_its_stored_word() {
        for c in Circumstance::ALL {
            assert_eq!(Circumstance::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
        assert_eq!(Circumstance::parse("astronaut"), None);
    }

    #[test]
    fn statuses_round_trip_through_their_stored_word() {
        for s in [LegalStatus::Relevant, LegalStatus::FormerRelevant, LegalStatus::Qualifying] {
            assert_eq!(LegalStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(LegalStatus::parse("Relevant"), None);
    }
}
