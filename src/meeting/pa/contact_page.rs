//! `/caseload/:person_id/contact`: the PA records a call, messages, a
//! visit, or an attempt that did not reach her. Saved as a `contact`
//! record through the phone's store, so it works with no signal.

use leptos::prelude::*;
use pathway_model::meeting::contact::Contact;
use uuid::Uuid;

use super::contact_fields::{ContactFields, ContactForm};
use super::draft::contact_fields;
use super::overview::{AboutHer, load_overview, person_id_param};
use crate::router::{Step, use_location};
use crate::store::{Save, SaveState};
use crate::ui::form::{ErrorSummary, focus_summary};

#[component]
pub fn ContactPage() -> impl IntoView {
    let overview = load_overview(person_id_param());
    view! {
        <AboutHer remote=overview title="Record a contact" what="this page" let:p>
            <ContactRecordForm person_id=p.person_id first_name=p.first_name/>
        </AboutHer>
    }
}

#[component]
fn ContactRecordForm(person_id: Uuid, first_name: String) -> impl IntoView {
    let form = ContactForm::new("");
    let save = Save::new();
    let summary = NodeRef::<leptos::html::Div>::new();
    let location = use_location();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match contact_fields(&form.draft(), None, crate::clock::today()) {
            Ok(fields) => {
                form.problems.set(Default::default());
                let navigate = location;
                let to = format!("/caseload/{person_id}?saved=contact");
                save.put_for(Ok(fields), Contact::KIND, Uuid::now_v7(), person_id, move || {
                    navigate.navigate(&to, Step::Add)
                });
            }
            Err(p) => {
                form.problems.set(p);
                focus_summary(summary);
            }
        }
    };
    let problems = Signal::derive(move || {
        let mut all = form.problems.with(|p| p.all());
        all.extend(save.problem());
        all
    });
    view! {
        <h1>{format!("Record a contact with {first_name}")}</h1>
        <p>"A phone call, messages, a visit, or a time you tried and did not reach them."</p>
        <form class="form contact-record" on:submit=on_submit novalidate>
            <ErrorSummary problems=problems node_ref=summary/>
            <ContactFields form=form first_name=first_name missed=true/>
            <button type="submit" class="button" disabled=move || save.state.get() == SaveState::Saving>
                "Save contact"
            </button>
        </form>
    }
}
