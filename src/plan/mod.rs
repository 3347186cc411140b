//! My plan: the pathway plan in its statutory areas, the next review, and
//! the young person's comments and requests for a review. The young person
//! reads it on `/plan` (offline too, from the phone's store); their PA
//! writes it on the young person's page. Everything goes through sync.
//!
//! The pure part lives here: building each record's fields, checked with
//! the model's own rules (the ones the server runs), with the problem in
//! plain words.

mod my_plan;
#[cfg(feature = "staff")]
mod pa_plan;

use std::collections::BTreeMap;

use pathway_model::plan::{
    self, PlanArea, PlanComment, PlanCommentChange, PlanReview, PlanReviewChange, PlanSection, PlanSectionChange,
    TEXT_MAX,
};
use pathway_model::record::{EntityKind, FieldRuleError, Fields};
use pathway_model::role::Role;
use pathway_model::sync::replica::LocalRecord;
use uuid::Uuid;

use crate::i18n::{k, t};

pub use my_plan::MyPlanPage;
#[cfg(feature = "staff")]
pub use pa_plan::PaPeopleAndPlan;

type Records = BTreeMap<Uuid, LocalRecord>;

/// Typed-but-empty is "nothing": a blank box clears the field.
fn opt_text(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// What to fix in a section, each shown next to its own box.
pub const BY_WHEN_PROBLEM: &str = "Enter a real date for \"by when\", or leave it empty.";
pub const WHO_PROBLEM: &str = "\"Who is doing what\" is too long. Keep it under 200 letters and spaces.";
pub const TEXT_PROBLEM: &str = "Goals and next steps must each be under 1,000 letters and spaces.";

/// The PA's words for one area of the plan, or what to fix.
pub fn section_fields(
    area: PlanArea,
    goals: &str,
    next_steps: &str,
    who: &str,
    by_when: &str,
) -> Result<Fields, &'static str> {
    let f = PlanSectionChange {
        area: Some(area),
        goals: Some(opt_text(goals)),
        next_steps: Some(opt_text(next_steps)),
        who: Some(opt_text(who)),
        by_when: Some(opt_text(by_when)),
    }
    .into_fields();
    match plan::check_section(Role::Advisor, &f, None) {
        Ok(()) => Ok(f),
        Err(FieldRuleError::Invalid { field: "by_when", .. }) => Err(BY_WHEN_PROBLEM),
        Err(FieldRuleError::Invalid { field: "who", .. }) => Err(WHO_PROBLEM),
        Err(_) => Err(TEXT_PROBLEM),
    }
}

/// A young person's comment on one area.
pub fn comment_fields(area: PlanArea, text: &str) -> Result<Fields, &'static str> {
    let f =
        PlanCommentChange { area: Some(area), text: Some(text.trim().to_string()), ..Default::default() }.into_fields();
    match plan::check_comment(Role::YoungPerson, &f, None) {
        Ok(()) => Ok(f),
        Err(_) if text.trim().is_empty() => Err(t(k::PLAN_COMMENT_EMPTY)),
        Err(_) => Err(t(k::PLAN_COMMENT_TOO_LONG)),
    }
}

/// The PA's reply to a comment.
pub fn reply_fields(reply: &str) -> Result<Fields, &'static str> {
    if reply.trim().is_empty() {
        return Err("Write your reply first.");
    }
    if reply.trim().chars().count() > TEXT_MAX {
        return Err("Your reply is too long. Keep it under 1,000 letters and spaces.");
    }
    Ok(PlanCommentChange { reply: Some(opt_text(reply)), ..Default::default() }.into_fields())
}

/// The young person asks for a review, with a reason if they want.
pub fn ask_review_fields(reason: &str, now: i64) -> Result<Fields, &'static str> {
    let f = PlanReviewChange { asked_at: Some(Some(now)), reason: Some(opt_text(reason)), ..Default::default() }
        .into_fields();
    match plan::check_review(Role::YoungPerson, &f, None) {
        Ok(()) => Ok(f),
        Err(_) => Err(t(k::PLAN_REVIEW_REASON_TOO_LONG)),
    }
}

/// The PA answers a request for a review.
pub fn answer_review_fields(answer: &str, now: i64) -> Result<Fields, &'static str> {
    if answer.trim().is_empty() {
        return Err("Write your answer first.");
    }
    let f = PlanReviewChange { answer: Some(opt_text(answer)), answered_at: Some(Some(now)), ..Default::default() }
        .into_fields();
    match plan::check_review(Role::Advisor, &f, None) {
        Ok(()) => Ok(f),
        Err(_) => Err("Your answer is too long. Keep it under 1,000 letters and spaces."),
    }
}

/// The PA sets (or clears) the next review date.
pub fn next_review_fields(date: &str) -> Result<Fields, &'static str> {
    let f = PlanReviewChange { next_review: Some(opt_text(date)), ..Default::default() }.into_fields();
    match plan::check_review(Role::Advisor, &f, None) {
        Ok(()) => Ok(f),
        Err(_) => Err("Enter a real date, or leave it empty."),
    }
}

/// An area's name, for a young person reading the plan: "Where I live".
pub fn area_title(area: PlanArea) -> &'static str {
    match area {
        PlanArea::Home => t(k::PLAN_AREA_HOME_TITLE),
        PlanArea::Money => t(k::PLAN_AREA_MONEY_TITLE),
        PlanArea::EducationWork => t(k::PLAN_AREA_EDUCATION_WORK_TITLE),
        PlanArea::Health => t(k::PLAN_AREA_HEALTH_TITLE),
        PlanArea::RelationshipsIdentity => t(k::PLAN_AREA_RELATIONSHIPS_IDENTITY_TITLE),
        PlanArea::LivingSkills => t(k::PLAN_AREA_LIVING_SKILLS_TITLE),
        PlanArea::Contingency => t(k::PLAN_AREA_CONTINGENCY_TITLE),
    }
}

/// What an area covers, for a young person reading the plan.
pub fn area_about(area: PlanArea) -> &'static str {
    match area {
        PlanArea::Home => t(k::PLAN_AREA_HOME_ABOUT),
        PlanArea::Money => t(k::PLAN_AREA_MONEY_ABOUT),
        PlanArea::EducationWork => t(k::PLAN_AREA_EDUCATION_WORK_ABOUT),
        PlanArea::Health => t(k::PLAN_AREA_HEALTH_ABOUT),
        PlanArea::RelationshipsIdentity => t(k::PLAN_AREA_RELATIONSHIPS_IDENTITY_ABOUT),
        PlanArea::LivingSkills => t(k::PLAN_AREA_LIVING_SKILLS_ABOUT),
        PlanArea::Contingency => t(k::PLAN_AREA_CONTINGENCY_ABOUT),
    }
}

/// One young person's section of one area, if written.
pub fn section(records: &Records, person: Uuid, area: PlanArea) -> Option<PlanSection> {
    records
        .get(&plan::section_id(person, area))
        .filter(|r| r.entity == EntityKind::PlanSection)
        .and_then(|r| PlanSection::from_fields(&r.fields))
}

/// Their review record, or an empty one.
pub fn review(records: &Records, person: Uuid) -> (PlanReview, bool) {
    records
        .get(&plan::review_id(person))
        .filter(|r| r.entity == EntityKind::PlanReview)
        .and_then(|r| PlanReview::from_fields(&r.fields).map(|v| (v, r.pending)))
        .unwrap_or_default()
}

/// Comments on one area, oldest first: (id, comment, still on this phone).
/// `owner`: only this young person's (a PA's store holds a whole caseload).
pub fn comments(records: &Records, owner: Option<Uuid>, area: PlanArea) -> Vec<(Uuid, PlanComment, bool)> {
    // Ids are UUID v7, so id order is the order they were written.
    records
        .values()
        .filter(|r| r.entity == EntityKind::PlanComment)
        .filter(|r| owner.is_none_or(|o| r.owner_id == Some(o)))
        .filter_map(|r| PlanComment::from_fields(&r.fields).map(|c| (r.id, c, r.pending)))
        .filter(|(_, c, _)| c.area == area)
        .collect()
}

/// "Where I live" -> "where I live", for the middle of a sentence.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => std::iter::once(pathway_model::fold::lower_char(c)).chain(chars).collect(),
        None => String::new(),
    }
}

/// "3 March 2027" from `YYYY-MM-DD`, or the text as it is.
pub fn date_words(iso: &str) -> String {
    pathway_model::date::parse(iso).map(crate::words::readable_date).unwrap_or_else(|| iso.to_string())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::plan::WHO_MAX;

    #[test]
    fn a_section_has_the_fields_the_server_checks_and_empty_ones_are_nothing() {
        let f = section_fields(PlanArea::Home, " Move to a flat ", "", "Sam finds two flats", "2027-01-31").unwrap();
        assert_eq!(plan::check_section(Role::Advisor, &f, None), Ok(()));
        let s = PlanSection::from_fields(&f).unwrap();
        assert_eq!(s.goals.as_deref(), Some("Move to a flat"));
        assert_eq!(s.next_steps, None);
        assert_eq!(s.by_when.as_deref(), Some("2027-01-31"));
    }

    #[test]
    fn bad_plan_input_is_said_in_plain_words() {
        assert!(section_fields(PlanArea::Home, "", "", "", "2027-02-30").unwrap_err().starts_with("Enter a real date"));
        assert!(section_fields(PlanArea::Home, "", "", &"x".repeat(WHO_MAX + 1), "").is_err());
        assert!(section_fields(PlanArea::Home, &"x".repeat(TEXT_MAX + 1), "", "", "").is_err());
        assert_eq!(comment_fields(PlanArea::Money, "   "), Err("Write your comment first."));
        assert!(comment_fields(PlanArea::Money, &"x".repeat(TEXT_MAX + 1)).is_err());
        assert_eq!(next_review_fields("31/01/2027"), Err("Enter a real date, or leave it empty."));
        assert_eq!(reply_fields(" "), Err("Write your reply first."));
        assert_eq!(answer_review_fields("", 1_790_000_000_000), Err("Write your answer first."));
    }

    #[test]
    fn review_requests_and_answers_pass_the_model_rules() {
        let ask = ask_review_fields("I have a new job", 1_790_000_000_000).unwrap();
        assert_eq!(plan::check_review(Role::YoungPerson, &ask, None), Ok(()));
        let answer = answer_review_fields("Yes, next Tuesday", 1_790_000_100_000).unwrap();
        assert_eq!(plan::check_review(Role::Advisor, &answer, None), Ok(()));
        let ok = next_review_fields("2027-03-01").unwrap();
        assert_eq!(plan::check_review(Role::Advisor, &ok, None), Ok(()));
        assert_eq!(next_review_fields("").unwrap()["next_review"], serde_json::Value::Null);
    }

    #[test]
    fn area_words_are_the_models_in_english() {
        for area in PlanArea::ALL {
            assert_eq!(area_title(area), area.title());
            assert_eq!(area_about(area), area.about());
        }
    }

    #[test]
    fn titles_lower_only_their_first_letter() {
        assert_eq!(lower_first("Relationships and who I am"), "relationships and who I am");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn dates_read_in_words() {
        assert_eq!(date_words("2027-03-03"), "3 March 2027");
        assert_eq!(date_words("soon"), "soon");
    }
}
