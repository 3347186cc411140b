//! `/council/staff/new`: a manager adds a PA or a manager, and gets their
//! one-time set-up code to give them in person.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::ErrorCode;
use pathway_model::auth::Role;
use pathway_model::caseload::NAME_MAX;
use pathway_model::council::{NewStaff, OneTimeCode};

use super::CodeCard;
use super::staff_page::role_words;
use crate::api::{ApiError, staff};
use crate::i18n::{k, t};
use crate::router::A;
use crate::state::use_app;
use crate::ui::form::{ErrorSummary, RadioGroup, TextField, focus_summary};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Problems {
    pub first_name: Option<&'static str>,
    pub last_name: Option<&'static str>,
    pub role: Option<&'static str>,
}

fn name_problem(name: &str, empty: &'static str) -> Option<&'static str> {
    match name.trim().chars().count() {
        0 => Some(empty),
        n if n > NAME_MAX => Some("A name can have up to 100 characters."),
        _ => None,
    }
}

/// The new member of staff to send, or what is wrong with the form.
pub fn check(first_name: &str, last_name: &str, role: &str) -> Result<NewStaff, Problems> {
    let role = Role::parse(role).filter(|r| r.is_staff());
    let problems = Problems {
        first_name: name_problem(first_name, "Enter their first name."),
        last_name: name_problem(last_name, "Enter their last name."),
        role: role.is_none().then_some("Choose what they do: PA or manager."),
    };
    match role {
        Some(role) if problems == Problems::default() => {
            Ok(NewStaff { first_name: first_name.trim().into(), last_name: last_name.trim().into(), role })
        }
        _ => Err(problems),
    }
}

fn server_words(e: &ApiError) -> &'static str {
    match e.code() {
        _ if e.is_unreachable() => t(k::UI_LOAD_OFFLINE_NOT_SENT),
        Some(ErrorCode::ValidationFailed) => "Check the names and try again.",
        Some(ErrorCode::Conflict) => "Someone with that name was just added. Check the staff list before trying again.",
        _ => "That didn't work. Try again in a minute.",
    }
}

#[component]
pub fn AddStaffPage() -> impl IntoView {
    let made = RwSignal::new(None::<OneTimeCode>);
    view! {
        <p class="back"><A href="/council/staff">"Back to staff"</A></p>
        {move || match made.get() {
            None => view! {
                <h1>"Add a member of staff"</h1>
                <p>"They get a one-time set-up code. With it they choose a passphrase and set up a second factor on their phone."</p>
                <AddForm made=made/>
            }.into_any(),
            Some(code) => {
                let name = code.first_name.clone();
                view! {
                    <h1>{format!("{name} is added")}</h1>
                    <CodeCard code=code/>
                    <div class="actions">
                        <button type="button" class="button button--secondary" on:click=move |_| made.set(None)>"Add someone else"</button>
                        <A href="/council/staff">"Back to staff"</A>
                    </div>
                }.into_any()
            }
        }}
    }
}

#[component]
fn AddForm(made: RwSignal<Option<OneTimeCode>>) -> impl IntoView {
    let state = use_app();
    let first_name = RwSignal::new(String::new());
    let last_name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let refused = RwSignal::new(None::<&'static str>);
    let sending = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        refused.set(None);
        let new = match check(&first_name.get_untracked(), &last_name.get_untracked(), &role.get_untracked()) {
            Ok(new) => new,
            Err(found) => {
                problems.set(found);
                return focus_summary(summary);
            }
        };
        problems.set(Problems::default());
        sending.set(true);
        spawn_local(async move {
            match staff::add_staff(&new).await {
                Ok(code) => {
                    made.try_set(Some(code));
                }
                Err(e) => {
                    state.note_error(&e);
                    refused.try_set(Some(server_words(&e)));
                    focus_summary(summary);
                }
            }
            sending.try_set(false);
        });
    };
    let field = move |pick: fn(&Problems) -> Option<&'static str>| Signal::derive(move || problems.with(pick));
    let summary_words = Signal::derive(move || {
        let mut words: Vec<&'static str> =
            problems.with(|p| [p.first_name, p.last_name, p.role].into_iter().flatten().collect());
        words.extend(refused.get());
        words
    });
    let roles =
        vec![(Role::Advisor.as_str(), role_words(Role::Advisor)), (Role::Manager.as_str(), role_words(Role::Manager))];
    view! {
        <form class="form staff-form" on:submit=on_submit novalidate>
            <ErrorSummary problems=summary_words node_ref=summary/>
            <TextField id="staff-first-name" label="First name" value=first_name max=NAME_MAX autocomplete="off" problem=field(|p| p.first_name)/>
            <TextField id="staff-last-name" label="Last name" value=last_name max=NAME_MAX autocomplete="off" problem=field(|p| p.last_name)/>
            <RadioGroup name="staff-role" legend="What do they do?" choices=roles value=role problem=field(|p| p.role)/>
            <button type="submit" class="button" disabled=move || sending.get()>"Add and make a set-up code"</button>
        </form>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_new_pa_is_trimmed() {
        let new = check(" Sam ", "Okafor", "advisor").unwrap();
        assert_eq!(new, NewStaff { first_name: "Sam".into(), last_name: "Okafor".into(), role: Role::Advisor });
    }

    #[test]
    fn every_problem_shows_at_once_and_a_young_person_is_not_staff() {
        let p = check("", " ", "young_person").unwrap_err();
        assert_eq!(p.first_name, Some("Enter their first name."));
        assert_eq!(p.last_name, Some("Enter their last name."));
        assert!(p.role.is_some());
        assert!(check("Sam", &"x".repeat(NAME_MAX + 1), "manager").unwrap_err().last_name.is_some());
    }
}
