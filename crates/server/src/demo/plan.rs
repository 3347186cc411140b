//! A sample pathway plan for Jade, so a demo of My plan has something to
//! show. Written as synced records, exactly as her PA's laptop would write
//! them, so the app sees no difference.

use chrono::{Days, NaiveDate};
use pathway_model::plan::{PlanArea, review_id, section_id};
use pathway_model::sync::EntityKind;
use serde_json::json;
use uuid::Uuid;

use super::records::{self, Sample};
use crate::db::Db;
use crate::db::people::PersonRow;
use crate::error::ApiError;

fn sections(today: NaiveDate) -> Vec<(PlanArea, serde_json::Value)> {
    let in_days = |n: u64| today.checked_add_days(Days::new(n)).unwrap_or(today).to_string();
    vec![
        (
            PlanArea::Home,
            json!({"goals": "Stay in university halls until June, then move to a shared flat near campus.",
                   "next_steps": "Look at two shared flats with Sam. Ask about the setting-up-home allowance.",
                   "who": "Jade picks the flats; Sam books the viewings", "by_when": in_days(45)}),
        ),
        (
            PlanArea::Money,
            json!({"goals": "Have a weekly budget that covers food, travel and phone.",
                   "next_steps": "Check the bursary has been paid. Make a budget together.",
                   "who": "Sam checks the bursary", "by_when": in_days(14)}),
        ),
        (
            PlanArea::EducationWork,
            json!({"goals": "Finish the first year of the nursing degree.",
                   "next_steps": "Ask the university about help with a laptop.",
                   "who": "Jade asks student support", "by_when": in_days(30)}),
        ),
    ]
}

pub async fn seed(db: &Db, jade: &PersonRow, today: NaiveDate) -> Result<(), ApiError> {
    let (Some(pa), Ok(owner)) = (jade.advisor_id.as_deref(), Uuid::parse_str(&jade.id)) else {
        return Ok(());
    };
    let pa = Uuid::parse_str(pa).map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut samples = Vec::new();
    for (area, mut value) in sections(today) {
        value["area"] = json!(area.as_str());
        samples.push(Sample::new(EntityKind::PlanSection, section_id(owner, area), value));
    }
    let review = json!({
        "next_review": today.checked_add_days(Days::new(60)).unwrap_or(today).to_string(),
        "last_review": today.checked_sub_days(Days::new(120)).unwrap_or(today).to_string(),
    });
    samples.push(Sample::new(EntityKind::PlanReview, review_id(owner), review));
    records::write(db, owner, pa, today, samples).await
}
