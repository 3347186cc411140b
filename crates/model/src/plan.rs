//! My plan: the pathway plan in its statutory areas, the review date, and
//! the young person's comments and requests for a review (DESIGN §3).
//!
//! Three synced kinds:
//! - `plan_section`: one per young person and area (same id on every
//!   device, see `section_id`); the PA writes it.
//! - `plan_comment`: the young person's comment on an area; the PA replies.
//! - `plan_review`: one per young person: the next review date (PA) and a
//!   request for a review (young person) that the PA must answer.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Role;
use crate::sync::fields::{Check, FieldSpec, check_fields, field, require};
use crate::sync::{FieldRuleError, Fields};

/// The areas a pathway plan must cover, in the order the plan shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanArea {
    Home,
    Money,
    EducationWork,
    Health,
    RelationshipsIdentity,
    LivingSkills,
    Contingency,
}

impl PlanArea {
    pub const ALL: [PlanArea; 7] = [
        PlanArea::Home,
        PlanArea::Money,
        PlanArea::EducationWork,
        PlanArea::Health,
        PlanArea::RelationshipsIdentity,
        PlanArea::LivingSkills,
        PlanArea::Contingency,
    ];
    const WORDS: &'static [&'static str] =
        &["home", "money", "education_work", "health", "relationships_identity", "living_skills", "contingency"];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::WORDS.iter().position(|w| *w == s).map(|i| Self::ALL[i])
    }

    pub fn title(self) -> &'static str {
        match self {
            PlanArea::Home => "Where I live",
            PlanArea::Money => "Money",
            PlanArea::EducationWork => "Education and work",
            PlanArea::Health => "Health",
            PlanArea::RelationshipsIdentity => "Relationships and who I am",
            PlanArea::LivingSkills => "Skills for living on my own",
            PlanArea::Contingency => "If things go wrong",
        }
    }

    /// What the area covers, for a young person reading the plan.
    pub fn about(self) -> &'static str {
        match self {
            PlanArea::Home => "Where you live now, where you want to live, and what help you need to get there.",
            PlanArea::Money => "Your income, benefits, grants, bills and any debts.",
            PlanArea::EducationWork => "School, college, training, university, apprenticeships and jobs.",
            PlanArea::Health => "Your physical and mental health, and who helps with it.",
            PlanArea::RelationshipsIdentity => "Family, friends, culture, faith and the people who matter to you.",
            PlanArea::LivingSkills => "Cooking, shopping, paying bills and looking after a home.",
            PlanArea::Contingency => "What happens, and who to call, if a plan does not work out.",
        }
    }
}

pub const TEXT_MAX: usize = 1000;
pub const WHO_MAX: usize = 200;

/// The same id for one young person's section of one area everywhere, so a
/// PA on two laptops edits one section rather than making two.
pub fn section_id(person_id: Uuid, area: PlanArea) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x51a0_9e3c_77d2_4b61_a0c5_3f18_d4e2_6b90);
    Uuid::new_v5(&NAMESPACE, format!("{person_id}\u{1f}section\u{1f}{}", area.as_str()).as_bytes())
}

/// The one review record of a young person.
pub fn review_id(person_id: Uuid) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x51a0_9e3c_77d2_4b61_a0c5_3f18_d4e2_6b91);
    Uuid::new_v5(&NAMESPACE, format!("{person_id}\u{1f}review").as_bytes())
}

/// Every field of a section is the PA's: the plan is theirs to write; the
/// young person's voice goes in comments.
const SECTION: &[FieldSpec] = &[
    field("area", Check::OneOf(PlanArea::WORDS)),
    field("goals", Check::OptText(TEXT_MAX)),
    field("next_steps", Check::OptText(TEXT_MAX)),
    // Who is doing what: "Sam (PA) finds two flats to look at".
    field("who", Check::OptText(WHO_MAX)),
    field("by_when", Check::OptDate),
];

pub fn check_section(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    let present = check_fields(SECTION, change)?;
    for spec in present {
        if role != Role::Advisor {
            return Err(FieldRuleError::NotYours(spec.name.to_string()));
        }
        if spec.name == "area" && current.is_some_and(|c| c.get("area") != change.get("area")) {
            return Err(FieldRuleError::NotYours("area".into()));
        }
    }
    if current.is_none() {
        require(change, &["area"])?;
    }
    Ok(())
}

const COMMENT_YP: &[FieldSpec] = &[field("area", Check::OneOf(PlanArea::WORDS)), field("text", Check::Text(TEXT_MAX))];
const COMMENT_PA: &[FieldSpec] = &[field("reply", Check::OptText(TEXT_MAX))];

pub fn check_comment(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    let specs: Vec<FieldSpec> = COMMENT_YP.iter().chain(COMMENT_PA).copied().collect();
    for spec in check_fields(&specs, change)? {
        let young_persons = COMMENT_YP.iter().any(|s| s.name == spec.name);
        let allowed = if young_persons { role == Role::YoungPerson } else { role == Role::Advisor };
        if !allowed {
            return Err(FieldRuleError::NotYours(spec.name.to_string()));
        }
    }
    if current.is_none() {
        require(change, &["area", "text"])?;
    }
    Ok(())
}

const REVIEW_PA: &[FieldSpec] = &[
    field("next_review", Check::OptDate),
    field("last_review", Check::OptDate),
    field("answer", Check::OptText(TEXT_MAX)),
    field("answered_at", Check::OptMillis),
];
const REVIEW_YP: &[FieldSpec] = &[field("asked_at", Check::OptMillis), field("reason", Check::OptText(TEXT_MAX))];

pub fn check_review(role: Role, change: &Fields, _current: Option<&Fields>) -> Result<(), FieldRuleError> {
    let specs: Vec<FieldSpec> = REVIEW_PA.iter().chain(REVIEW_YP).copied().collect();
    for spec in check_fields(&specs, change)? {
        let pas = REVIEW_PA.iter().any(|s| s.name == spec.name);
        let allowed = if pas { role == Role::Advisor } else { role == Role::YoungPerson };
        if !allowed {
            return Err(FieldRuleError::NotYours(spec.name.to_string()));
        }
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSection {
    pub area: PlanArea,
    #[serde(default)]
    pub goals: Option<String>,
    #[serde(default)]
    pub next_steps: Option<String>,
    #[serde(default)]
    pub who: Option<String>,
    #[serde(default)]
    pub by_when: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanComment {
    pub area: PlanArea,
    pub text: String,
    #[serde(default)]
    pub reply: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanReview {
    #[serde(default)]
    pub next_review: Option<String>,
    #[serde(default)]
    pub last_review: Option<String>,
    #[serde(default)]
    pub asked_at: Option<i64>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub answered_at: Option<i64>,
}

impl PlanReview {
    /// The young person asked for a review and the PA has not answered since.
    pub fn request_open(&self) -> bool {
        self.asked_at.is_some_and(|a| self.answered_at.is_none_or(|r| r < a))
    }
}

macro_rules! from_fields {
    ($($t:ty),*) => {$(
        impl $t {
            pub fn from_fields(fields: &Fields) -> Option<Self> {
                serde_json::from_value(serde_json::Value::Object(fields.clone())).ok()
            }
        }
    )*};
}
from_fields!(PlanSection, PlanComment, PlanReview);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn f(v: serde_json::Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn the_pa_writes_the_plan_and_the_young_person_comments_on_it() {
        let section = f(
            json!({"area": "home", "goals": "Move to a flat", "who": "Sam finds two flats", "by_when": "2027-01-31"}),
        );
        assert_eq!(check_section(Role::Advisor, &section, None), Ok(()));
        assert_eq!(
            check_section(Role::YoungPerson, &f(json!({"goals": "x"})), Some(&section)),
            Err(FieldRuleError::NotYours("goals".into()))
        );
        assert_eq!(
            check_section(Role::Advisor, &f(json!({"area": "money"})), Some(&section)),
            Err(FieldRuleError::NotYours("area".into()))
        );
        let comment = f(json!({"area": "home", "text": "I want to stay near college"}));
        assert_eq!(check_comment(Role::YoungPerson, &comment, None), Ok(()));
        assert_eq!(
            check_comment(Role::Advisor, &f(json!({"text": "x"})), Some(&comment)),
            Err(FieldRuleError::NotYours("text".into()))
        );
        assert_eq!(check_comment(Role::Advisor, &f(json!({"reply": "Noted"})), Some(&comment)), Ok(()));
    }

    #[test]
    fn bad_plan_text_and_dates_are_refused() {
        assert!(check_section(Role::Advisor, &f(json!({"area": "home", "by_when": "2027-02-30"})), None).is_err());
        assert!(check_section(Role::Advisor, &f(json!({"area": "holidays"})), None).is_err());
        assert!(
            check_section(Role::Advisor, &f(json!({"area": "home", "goals": "x".repeat(TEXT_MAX + 1)})), None).is_err()
        );
        assert!(check_comment(Role::YoungPerson, &f(json!({"area": "home", "text": "  "})), None).is_err());
        assert_eq!(check_section(Role::Advisor, &f(json!({"goals": "x"})), None), Err(FieldRuleError::Missing("area")));
    }

    #[test]
    fn a_review_request_stays_open_until_the_pa_answers_it() {
        assert_eq!(
            check_review(Role::YoungPerson, &f(json!({"asked_at": 1_790_000_000_000_i64, "reason": "New job"})), None),
            Ok(())
        );
        assert!(check_review(Role::YoungPerson, &f(json!({"next_review": "2027-01-01"})), None).is_err());
        let mut r = PlanReview { asked_at: Some(5), ..Default::default() };
        assert!(r.request_open());
        r.answered_at = Some(6);
        assert!(!r.request_open());
    }

    #[test]
    fn every_area_has_one_section_id_per_person() {
        let a = Uuid::from_u128(1);
        let ids: std::collections::BTreeSet<Uuid> = PlanArea::ALL.iter().map(|x| section_id(a, *x)).collect();
        assert_eq!(ids.len(), 7);
        assert_ne!(section_id(a, PlanArea::Home), section_id(Uuid::from_u128(2), PlanArea::Home));
        for area in PlanArea::ALL {
            assert_eq!(PlanArea::parse(area.as_str()), Some(area));
        }
    }
}
