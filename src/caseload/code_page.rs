//! `/caseload/:person_id/code`: a new code for a young person who forgot
//! her passphrase (or never used her first code). The old code stops
//! working; nothing she saved is lost.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::caseload::YoungPersonOverview;
use pathway_model::council::OneTimeCode;

use super::profile_form::server_words;
use super::{AboutHer, or_not_found, person_id_param};
use crate::api::{self, staff};
use crate::council::CodeCard;
use crate::state::use_app;
use crate::ui::load;

#[component]
pub fn CodePage() -> impl IntoView {
    let person_id = person_id_param();
    let person = load(move || or_not_found(person_id(), api::young_person), None);
    view! {
        <AboutHer remote=person title="A new code" what="this page" let:p>
            <NewCode person=p/>
        </AboutHer>
    }
}

#[component]
fn NewCode(person: YoungPersonOverview) -> impl IntoView {
    let state = use_app();
    let sending = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let made = RwSignal::new(None::<OneTimeCode>);
    let id = person.person_id;
    let make = move |_| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        problem.set(None);
        spawn_local(async move {
            match staff::new_young_person_code(id).await {
                Ok(code) => {
                    made.try_set(Some(code));
                }
                Err(e) => {
                    state.note_error(&e);
                    problem.try_set(Some(server_words(&e)));
                }
            }
            sending.try_set(false);
        });
    };
    let name = person.first_name.clone();
    view! {
        <h1>{format!("A new code for {name}")}</h1>
        {move || match made.get() {
            Some(code) => view! { <CodeCard code=code/> }.into_any(),
            None => view! {
                <p>{format!("Make a new code if {name} forgot their passphrase, or lost the first code.")}</p>
                <p>{format!("{name} uses it to choose a new passphrase. Nothing {name} has saved is lost.")}</p>
                <p>"Any older code stops working."</p>
                <p class="error-message" role="alert">{move || problem.get()}</p>
                <button type="button" class="button" disabled=move || sending.get() on:click=make>
                    "Make a new code"
                </button>
            }.into_any(),
        }}
    }
}
