//! `/caseload/:person_id/profile`: a PA changes a young person's details
//! (the same form as registering, filled in).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use pathway_model::caseload::YoungPersonProfile;

use super::person_id_param;
use super::profile_form::{ProfileForm, draft_of, server_words};
use crate::api::staff;
use crate::state::use_app;
use crate::ui::{Loaded, load};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let person_id = person_id_param();
    let profile = load(move || super::or_not_found(person_id(), staff::profile), None);
    let back = move || person_id().map(|id| format!("/caseload/{id}")).unwrap_or_else(|| "/caseload".into());
    view! {
        <p class="back"><A href=back>"Back to their page"</A></p>
        <Show when=move || profile.value.with(Option::is_none)>
            <h1>"Edit details"</h1>
        </Show>
        <Loaded remote=profile what="their details" missing="We can't find that person on your caseload." let:p>
            <EditForm profile=p/>
        </Loaded>
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
