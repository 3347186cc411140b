//! `/caseload/:person_id/profile`: a PA changes a young person's details
//! (the same form as registering, filled in).

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::caseload::YoungPersonProfile;

use super::profile_form::{ProfileForm, draft_of, server_words};
use super::{AboutHer, or_not_found, person_id_param};
use crate::api::staff;
use crate::state::use_app;
use crate::ui::load;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let person_id = person_id_param();
    let profile = load(move || or_not_found(person_id(), staff::profile), None);
    view! {
        <AboutHer remote=profile title="Edit details" what="their details" let:p>
            <EditForm profile=p/>
        </AboutHer>
    }
}

#[component]
fn EditForm(profile: YoungPersonProfile) -> impl IntoView {
    let state = use_app();
    let person_id = person_id_param();
    let sending = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let saved = RwSignal::new(None::<String>);
    let on_valid = Callback::new(move |p: YoungPersonProfile| {
        let Some(id) = person_id() else { return };
        sending.set(true);
        problem.set(None);
        saved.set(None);
        spawn_local(async move {
            match staff::save_profile(id, &p).await {
                Ok(()) => {
                    saved.try_set(Some(format!("Saved {}'s details.", p.first_name)));
                }
                Err(e) => {
                    state.note_error(&e);
                    problem.try_set(Some(server_words(&e)));
                }
            }
            sending.try_set(false);
        });
    });
    view! {
        <h1>{format!("Edit {}'s details", profile.first_name)}</h1>
        <ProfileForm
            start=draft_of(&profile)
            submit_words="Save changes"
            on_valid=on_valid
            sending=sending
            problem=problem
        />
        <p role="status" class="profile-form__saved">{move || saved.get()}</p>
    }
}
