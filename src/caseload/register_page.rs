//! `/caseload/new`: a PA registers a young person onto their caseload,
//! and gets her invite code to hand over in person.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::caseload::YoungPersonProfile;
use pathway_model::council::OneTimeCode;

use super::profile_form::{Draft, ProfileForm, server_words};
use crate::api::staff;
use crate::council::CodeCard;
use crate::router::A;
use crate::state::use_app;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = use_app();
    let sending = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let made = RwSignal::new(None::<OneTimeCode>);
    let on_valid = Callback::new(move |profile: YoungPersonProfile| {
        sending.set(true);
        problem.set(None);
        spawn_local(async move {
            match staff::register(&profile).await {
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
    });
    view! {
        <p class="back"><A href="/caseload">"Back to my caseload"</A></p>
        {move || match made.get() {
            None => view! {
                <h1>"Register a young person"</h1>
                <p>"Check the details with them. Pathway then makes a code they use to choose a passphrase and sign in."</p>
                <ProfileForm
                    start=Draft::default()
                    submit_words="Register and make a code"
                    on_valid=on_valid
                    sending=sending
                    problem=problem
                />
            }.into_any(),
            Some(code) => {
                let href = format!("/caseload/{}", code.person_id);
                let name = code.first_name.clone();
                view! {
                    <h1>{format!("{name} is on your caseload")}</h1>
                    <CodeCard code=code/>
                    <p><A href=href>{format!("Open {name}'s page")}</A></p>
                }.into_any()
            }
        }}
    }
}
