//! On her page: when the PA last reached her, when the next contact and
//! review are due, and how often to be in touch ("Every 8 weeks"), which
//! the PA may change with a reason (her `plan_review` record).

use leptos::prelude::*;
use pathway_model::meeting::Rhythm;
use pathway_model::meeting::rhythm::{CONTACT_WEEKS_MAX, CONTACT_WEEKS_MIN};
use pathway_model::plan::{self, PlanReview, PlanReviewChange, review_id};
use pathway_model::record::Fields;
use pathway_model::role::Role;
use uuid::Uuid;

use super::due;
use crate::meeting::pa::contacts_of;
use crate::store::{Save, SaveState, use_sync};
use crate::ui::form::{TextArea, TextField};

#[component]
pub fn KeepingInTouch(owner: Uuid, server: Rhythm) -> impl IntoView {
    let sync = use_sync();
    let review = Memo::new(move |_| sync.records.with(|rs| rs.get(&review_id(owner)).map(|r| r.fields.clone())));
    let rhythm = Memo::new(move |_| {
        let contacts = sync.records.with(|rs| contacts_of(rs, owner));
        let review = review.with(|f| f.as_ref().and_then(PlanReview::from_fields));
        due::with_local(&server, &contacts, review.as_ref())
    });
    let today = crate::clock::today();
    let contact = move || rhythm.with(|r| due::contact(r, today));
    let review_due = move || rhythm.with(|r| due::review(r, today));
    view! {
        <section class="card" aria-labelledby="touch-heading">
            <h2 id="touch-heading">"Keeping in touch"</h2>
            <dl class="facts">
                <div><dt>"Last contact"</dt><dd>{move || rhythm.with(|r| due::last_contact(r, today))}</dd></div>
                <div><dt>"Next contact"</dt><dd class:due--late=move || contact().late>{move || contact().words}</dd></div>
                <div><dt>"Review"</dt><dd class:due--late=move || review_due().late>{move || review_due().words}</dd></div>
                <div><dt>"How often"</dt><dd>{move || rhythm.with(|r| due::interval(r.contact_weeks))}</dd></div>
            </dl>
            <details class="interval">
                <summary>"Change how often"</summary>
                <IntervalForm owner=owner review=review weeks=Signal::derive(move || rhythm.with(|r| r.contact_weeks))/>
            </details>
        </section>
    }
}

/// The interval's change, checked with the plan's own rule (a reason is
/// needed when it is not the usual 8 weeks).
fn interval_fields(weeks: &str, reason: &str, current: Option<&Fields>) -> Result<Fields, &'static str> {
    let Ok(weeks) = weeks.trim().parse::<i64>() else {
        return Err("Enter a number of weeks, like 4.");
    };
    if !(CONTACT_WEEKS_MIN..=CONTACT_WEEKS_MAX).contains(&weeks) {
        return Err("Choose between 1 and 26 weeks.");
    }
    let reason = reason.trim();
    let change = PlanReviewChange {
        contact_weeks: Some(Some(weeks)),
        contact_weeks_reason: Some((!reason.is_empty()).then(|| reason.to_string())),
        ..Default::default()
    }
    .into_fields();
    match plan::check_review(Role::Advisor, &change, current) {
        Ok(()) => Ok(change),
        Err(_) if reason.is_empty() => Err("Write why it is not every 8 weeks."),
        Err(_) => Err("The reason can have up to 1,000 characters."),
    }
}

#[component]
fn IntervalForm(owner: Uuid, review: Memo<Option<Fields>>, weeks: Signal<i64>) -> impl IntoView {
    let number = RwSignal::new(weeks.get_untracked().to_string());
    let reason = RwSignal::new(
        review
            .with_untracked(|f| f.as_ref().and_then(PlanReview::from_fields).and_then(|r| r.contact_weeks_reason))
            .unwrap_or_default(),
    );
    let save = Save::new();
    let problem = Signal::derive(move || save.problem());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = review
            .with_untracked(|cur| interval_fields(&number.get_untracked(), &reason.get_untracked(), cur.as_ref()));
        save.put_for(checked, PlanReview::KIND, review_id(owner), owner, || ());
    };
    view! {
        <form class="form" on:submit=on_submit novalidate>
            <TextField
                id="interval-weeks"
                label="Weeks between contacts"
                hint="Usually 8. From 1 to 26."
                value=number
                keys=crate::ui::form::Keys::Digits
                autocomplete="off"
                problem=problem
            />
            <TextArea id="interval-reason" label="Why" hint="Needed when it is not every 8 weeks." value=reason max=plan::TEXT_MAX rows=2/>
            <button type="submit" class="button button--secondary">"Save how often"</button>
            <p role="status" class="hint">{move || (save.state.get() == SaveState::Saved).then_some("Saved.")}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pathway_model::meeting::rhythm::DEFAULT_CONTACT_WEEKS;

    #[test]
    fn another_interval_needs_a_reason_and_stays_in_range() {
        assert_eq!(interval_fields("4", "", None), Err("Write why it is not every 8 weeks."));
        let f = interval_fields(" 4 ", "She asked to meet more often", None).unwrap();
        assert_eq!(
            (f["contact_weeks"].as_i64(), f["contact_weeks_reason"].as_str()),
            (Some(4), Some("She asked to meet more often"))
        );
        assert!(interval_fields(&DEFAULT_CONTACT_WEEKS.to_string(), "", None).is_ok());
        assert_eq!(interval_fields("27", "x", None), Err("Choose between 1 and 26 weeks."));
        assert_eq!(interval_fields("four", "x", None), Err("Enter a number of weeks, like 4."));
    }
}
