//! The young person's details, as a PA registers her or edits them later:
//! name, date of birth, legal status and circumstances. Checked by the
//! model's rules before it is sent, every problem next to its field and
//! listed at the top.

use chrono::NaiveDate;
use leptos::prelude::*;
use pathway_model::ErrorCode;
use pathway_model::caseload::{NAME_MAX, ProfileProblem, YoungPersonProfile};
use pathway_model::profile::{Circumstance, LegalStatus};

use crate::api::ApiError;
use crate::i18n::{k, t};
use crate::ui::form::{Checkbox, DateField, ErrorSummary, RadioGroup, TextField, focus_summary};

const STATUSES: [LegalStatus; 3] = [LegalStatus::Relevant, LegalStatus::FormerRelevant, LegalStatus::Qualifying];

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub first_name: String,
    pub last_name: String,
    /// `YYYY-MM-DD` from the date picker, or empty.
    pub date_of_birth: String,
    /// A `LegalStatus` word, or empty.
    pub status: String,
    pub circumstances: Vec<Circumstance>,
}

pub fn draft_of(p: &YoungPersonProfile) -> Draft {
    Draft {
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        date_of_birth: p.date_of_birth.format("%Y-%m-%d").to_string(),
        status: p.status.as_str().to_string(),
        circumstances: p.circumstances.clone(),
    }
}

/// Each field's problem, if any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Problems {
    pub first_name: Option<&'static str>,
    pub last_name: Option<&'static str>,
    pub date_of_birth: Option<&'static str>,
    pub status: Option<&'static str>,
}

impl Problems {
    pub fn all(&self) -> Vec<&'static str> {
        [self.first_name, self.last_name, self.date_of_birth, self.status].into_iter().flatten().collect()
    }
}

/// The model's words for a problem, as fixed words a field can show
/// (the same as its `Display`; a test checks).
pub fn problem_words(p: &ProfileProblem) -> &'static str {
    match p {
        ProfileProblem::NoFirstName => "Enter a first name.",
        ProfileProblem::NoLastName => "Enter a last name.",
        ProfileProblem::NameTooLong => "A name can have up to 100 characters.",
        ProfileProblem::AgeOutOfRange => "Care leavers are 16 to 25: check the date of birth.",
    }
}

const ALL_PROBLEMS: [ProfileProblem; 4] = [
    ProfileProblem::NoFirstName,
    ProfileProblem::NoLastName,
    ProfileProblem::NameTooLong,
    ProfileProblem::AgeOutOfRange,
];

fn name_problem(name: &str, empty: ProfileProblem) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        Some(problem_words(&empty))
    } else if name.chars().count() > NAME_MAX {
        Some(problem_words(&ProfileProblem::NameTooLong))
    } else {
        None
    }
}

/// The profile to send, or what is wrong with the draft.
pub fn check(draft: &Draft, today: NaiveDate) -> Result<YoungPersonProfile, Problems> {
    let mut problems = Problems {
        first_name: name_problem(&draft.first_name, ProfileProblem::NoFirstName),
        last_name: name_problem(&draft.last_name, ProfileProblem::NoLastName),
        ..Problems::default()
    };
    let date = NaiveDate::parse_from_str(draft.date_of_birth.trim(), "%Y-%m-%d").ok();
    let status = LegalStatus::parse(&draft.status);
    if status.is_none() {
        problems.status = Some("Choose their legal status.");
    }
    match date {
        None if draft.date_of_birth.trim().is_empty() => problems.date_of_birth = Some("Enter the date of birth."),
        None => problems.date_of_birth = Some("Enter the date of birth as a day, month and year."),
        Some(d) => {
            // The model's own rule for the age, on a profile whose names pass.
            let probe = YoungPersonProfile {
                first_name: "a".into(),
                last_name: "a".into(),
                date_of_birth: d,
                status: LegalStatus::Relevant,
                circumstances: Vec::new(),
            };
            problems.date_of_birth = probe.validate(today).err().map(|p| problem_words(&p));
        }
    }
    match (date, status) {
        (Some(date_of_birth), Some(status)) if problems == Problems::default() => Ok(YoungPersonProfile {
            first_name: draft.first_name.trim().to_string(),
            last_name: draft.last_name.trim().to_string(),
            date_of_birth,
            status,
            circumstances: Circumstance::ALL.into_iter().filter(|c| draft.circumstances.contains(c)).collect(),
        }),
        _ => Err(problems),
    }
}

/// Plain words for a refused or failed save of a young person's details.
pub fn server_words(e: &ApiError) -> &'static str {
    if e.is_unreachable() {
        return t(k::UI_LOAD_OFFLINE_NOT_SENT);
    }
    match (e.code(), e) {
        (Some(ErrorCode::ValidationFailed), ApiError::Api { message, .. }) => ALL_PROBLEMS
            .iter()
            .map(problem_words)
            .find(|w| message.contains(w))
            .unwrap_or("Check the details and try again."),
        (Some(ErrorCode::NotFound), _) => super::NOT_ON_CASELOAD,
        (Some(ErrorCode::Unauthenticated), _) => "You're signed out. Sign in again, then try again.",
        _ => "That didn't work. Try again in a minute.",
    }
}

/// The form. `on_valid` gets a profile that passed the checks; the page
/// sends it and says how it went through `problem` (at the top) and
/// `sending` (the button waits).
#[component]
pub fn ProfileForm(
    start: Draft,
    submit_words: &'static str,
    on_valid: Callback<YoungPersonProfile>,
    #[prop(into)] sending: Signal<bool>,
    #[prop(into)] problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let first_name = RwSignal::new(start.first_name);
    let last_name = RwSignal::new(start.last_name);
    let date_of_birth = RwSignal::new(start.date_of_birth);
    let status = RwSignal::new(start.status);
    let circumstances = RwSignal::new(start.circumstances);
    let problems = RwSignal::new(Problems::default());
    let summary = NodeRef::<leptos::html::Div>::new();
    // The server said no: its words are at the top; go there.
    Effect::watch(
        move || problem.get(),
        move |p, _, _| {
            if p.is_some() {
                focus_summary(summary)
            }
        },
        false,
    );

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let draft = Draft {
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            date_of_birth: date_of_birth.get_untracked(),
            status: status.get_untracked(),
            circumstances: circumstances.get_untracked(),
        };
        match check(&draft, crate::clock::today()) {
            Ok(profile) => {
                problems.set(Problems::default());
                on_valid.run(profile);
            }
            Err(found) => {
                problems.set(found);
                focus_summary(summary);
            }
        }
    };
    let field = move |pick: fn(&Problems) -> Option<&'static str>| Signal::derive(move || problems.with(pick));
    let summary_words = Signal::derive(move || {
        let mut words = problems.with(Problems::all);
        words.extend(problem.get());
        words
    });
    let statuses: Vec<(&'static str, &'static str)> = STATUSES.iter().map(|s| (s.as_str(), s.label())).collect();
    view! {
        <form class="form profile-form" on:submit=on_submit novalidate>
            <ErrorSummary problems=summary_words node_ref=summary/>
            <TextField id="yp-first-name" label="First name" value=first_name max=NAME_MAX autocomplete="off" problem=field(|p| p.first_name)/>
            <TextField id="yp-last-name" label="Last name" value=last_name max=NAME_MAX autocomplete="off" problem=field(|p| p.last_name)/>
            <DateField id="yp-date-of-birth" label="Date of birth" value=date_of_birth problem=field(|p| p.date_of_birth)/>
            <RadioGroup name="yp-status" legend="Legal status" choices=statuses value=status problem=field(|p| p.status)/>
            <fieldset class="radios" aria-describedby="yp-circumstances-hint">
                <legend>"Circumstances"</legend>
                <p class="hint" id="yp-circumstances-hint">
                    "Tick all that apply. They decide which parts of the council's offer the young person sees."
                </p>
                {Circumstance::ALL.into_iter().map(|c| view! {
                    <div class="profile-form__check">
                        <Checkbox
                            id=format!("yp-circumstance-{}", c.as_str())
                            label=c.label()
                            checked=Signal::derive(move || circumstances.with(|cs| cs.contains(&c)))
                            on_change=move |on| circumstances.update(|cs| {
                                cs.retain(|x| *x != c);
                                if on { cs.push(c) }
                            })
                        />
                    </div>
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button" disabled=move || sending.get()>{submit_words}</button>
        </form>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
    }

    fn draft() -> Draft {
        Draft {
            first_name: " Jade ".into(),
            last_name: "Williams".into(),
            date_of_birth: "2007-03-14".into(),
            status: "former_relevant".into(),
            circumstances: vec![Circumstance::YoungParent, Circumstance::InEducation],
        }
    }

    #[test]
    fn a_good_draft_becomes_a_trimmed_profile_with_circumstances_in_order() {
        let p = check(&draft(), today()).unwrap();
        assert_eq!(p.first_name, "Jade");
        assert_eq!(p.status, LegalStatus::FormerRelevant);
        assert_eq!(p.circumstances, [Circumstance::InEducation, Circumstance::YoungParent]);
        assert_eq!(draft_of(&p).date_of_birth, "2007-03-14");
    }

    #[test]
    fn every_problem_is_found_at_once() {
        let d = Draft { first_name: "  ".into(), date_of_birth: String::new(), status: String::new(), ..draft() };
        let problems = check(&d, today()).unwrap_err();
        assert_eq!(problems.first_name, Some("Enter a first name."));
        assert_eq!(problems.last_name, None);
        assert_eq!(problems.date_of_birth, Some("Enter the date of birth."));
        assert_eq!(problems.status, Some("Choose their legal status."));
        assert_eq!(problems.all().len(), 3);
    }

    #[test]
    fn the_age_rule_is_the_models() {
        let d = Draft { date_of_birth: "2020-01-01".into(), ..draft() };
        assert_eq!(check(&d, today()).unwrap_err().date_of_birth, Some(problem_words(&ProfileProblem::AgeOutOfRange)));
        let long = Draft { last_name: "x".repeat(NAME_MAX + 1), ..draft() };
        assert_eq!(check(&long, today()).unwrap_err().last_name, Some("A name can have up to 100 characters."));
    }

    #[test]
    fn the_fixed_words_are_the_models_words() {
        for p in ALL_PROBLEMS {
            assert_eq!(problem_words(&p), p.to_string());
        }
    }

    #[test]
    fn the_servers_refusals_are_said_plainly() {
        let api = |status, code, message: &str| ApiError::Api { status, code, message: message.into() };
        let e = api(422, ErrorCode::ValidationFailed, "Care leavers are 16 to 25: check the date of birth.");
        assert_eq!(server_words(&e), "Care leavers are 16 to 25: check the date of birth.");
        assert_eq!(server_words(&api(422, ErrorCode::ValidationFailed, "odd")), "Check the details and try again.");
        assert_eq!(server_words(&api(404, ErrorCode::NotFound, "")), crate::caseload::NOT_ON_CASELOAD);
        assert_eq!(server_words(&ApiError::Offline), t(k::UI_LOAD_OFFLINE_NOT_SENT));
    }
}
