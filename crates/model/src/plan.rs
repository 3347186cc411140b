//! My plan: the pathway plan in its statutory areas, the review date, and
//! the young person's comments and requests for a review (docs/architecture.md §3).
//!
//! Three synced kinds:
//! - `plan_section`: one per young person and area (same id on every
//!   device, see `section_id`); the PA writes it.
//! - `plan_comment`: the young person's comment on an area; the PA replies.
//! - `plan_review`: one per young person: the next review date (PA) and a
//!   request for a review (young person) that the PA must answer.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::record::check::{Check, Who, check_change};
use crate::record::value::word_value;
use crate::record::{FieldRuleError, Fields, record_kind};
use crate::role::{Role, Roles};

/// The areas a pathway plan must cover, in the order the plan shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// The usual weeks between a PA's contacts, and the range a PA may set
/// instead (with a reason), on the review record (`meeting::rhythm`).
pub const DEFAULT_CONTACT_WEEKS: i64 = 8;
pub const CONTACT_WEEKS_MIN: i64 = 1;
pub const CONTACT_WEEKS_MAX: i64 = 26;
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

word_value!(PlanArea);

const YOUNG_PERSON: Who = Who::Roles(Roles::YOUNG_PERSON);
const ADVISOR: Who = Who::Roles(Roles::ADVISOR);

record_kind! {
    /// One area of the plan. Every field is the PA's: the plan is theirs to
    /// write; the young person's voice goes in comments.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PlanSection;
    /// A change to a section: only the fields set are sent.
    pub struct PlanSectionChange;
    kind: PlanSection,
    table: SECTION_FIELDS,
    fields {
        area: PlanArea = must, Check::OneOf(PlanArea::WORDS), Who::Fixed(Roles::ADVISOR);
        goals: Option<String> = or_default, Check::OptText(TEXT_MAX), ADVISOR;
        next_steps: Option<String> = or_default, Check::OptText(TEXT_MAX), ADVISOR;
        /// Who is doing what: "Sam (PA) finds two flats to look at".
        who: Option<String> = or_default, Check::OptText(WHO_MAX), ADVISOR;
        by_when: Option<String> = or_default, Check::OptDate, ADVISOR;
    }
}

pub fn check_section(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    check_change(SECTION_FIELDS, role, change, current, false)
}

record_kind! {
    /// The young person's comment on an area, and the PA's reply.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PlanComment;
    /// A change to a comment: only the fields set are sent.
    pub struct PlanCommentChange;
    kind: PlanComment,
    table: COMMENT_FIELDS,
    fields {
        area: PlanArea = must, Check::OneOf(PlanArea::WORDS), YOUNG_PERSON;
        text: String = must, Check::Text(TEXT_MAX), YOUNG_PERSON;
        reply: Option<String> = or_default, Check::OptText(TEXT_MAX), ADVISOR;
    }
}

pub fn check_comment(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    check_change(COMMENT_FIELDS, role, change, current, false)
}

record_kind! {
    /// The review dates (the PA's) and a request for a review (the young
    /// person's), which the PA answers.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct PlanReview;
    /// A change to the review record: only the fields set are sent.
    pub struct PlanReviewChange;
    kind: PlanReview,
    table: REVIEW_FIELDS,
    fields {
        next_review: Option<String> = or_default, Check::OptDate, ADVISOR;
        last_review: Option<String> = or_default, Check::OptDate, ADVISOR;
        asked_at: Option<i64> = or_default, Check::OptMillis, YOUNG_PERSON;
        reason: Option<String> = or_default, Check::OptText(TEXT_MAX), YOUNG_PERSON;
        answer: Option<String> = or_default, Check::OptText(TEXT_MAX), ADVISOR;
        answered_at: Option<i64> = or_default, Check::OptMillis, ADVISOR;
        /// Weeks between contacts when not the usual 8.
        contact_weeks: Option<i64> = or_default,
            Check::OptWhole(CONTACT_WEEKS_MIN, CONTACT_WEEKS_MAX), ADVISOR;
        /// Why the interval is not the usual one; needed when it is not.
        contact_weeks_reason: Option<String> = or_default, Check::OptText(TEXT_MAX), ADVISOR;
    }
}

pub fn check_review(role: Role, change: &Fields, current: Option<&Fields>) -> Result<(), FieldRuleError> {
    check_change(REVIEW_FIELDS, role, change, current, false)?;
    // Another interval than the usual one needs its reason written down.
    let weeks = change.get("contact_weeks").or_else(|| current.and_then(|c| c.get("contact_weeks")));
    let unusual = weeks.and_then(|w| w.as_i64()).is_some_and(|w| w != DEFAULT_CONTACT_WEEKS);
    let reason = crate::record::check::str_of(change, current, "contact_weeks_reason");
    if unusual && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(FieldRuleError::Invalid { field: "contact_weeks_reason", problem: "must say why".into() });
    }
    Ok(())
}

impl PlanReview {
    /// The young person asked for a review and the PA has not answered since.
    pub fn request_open(&self) -> bool {
        self.asked_at.is_some_and(|a| self.answered_at.is_none_or(|r| r < a))
    }
}

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
    fn typed_plan_changes_pass_the_plan_rules_and_read_back() {
        let section = PlanSectionChange {
            area: Some(PlanArea::Money),
            goals: Some(Some("Open a bank account".into())),
            ..Default::default()
        }
        .into_fields();
        assert_eq!(check_section(Role::Advisor, &section, None), Ok(()));
        assert_eq!(PlanSection::from_fields(&section).unwrap().goals.as_deref(), Some("Open a bank account"));
        let reply = PlanCommentChange { reply: Some(Some("Yes".into())), ..Default::default() }.into_fields();
        assert_eq!(check_comment(Role::Advisor, &reply, Some(&f(json!({"area": "home", "text": "x"})))), Ok(()));
        let ask = PlanReviewChange { asked_at: Some(Some(1_790_000_000_000)), ..Default::default() }.into_fields();
        assert_eq!(check_review(Role::YoungPerson, &ask, None), Ok(()));
        assert!(PlanReview::from_fields(&ask).unwrap().request_open());
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
