use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::health::HealthKind;
use uuid::Uuid;

use super::entry_form::EntryForm;
use super::nav::HealthNav;
use crate::i18n::{k, t};
use crate::router::{Step, use_location};
use crate::state::use_app;

/// `/health/add` (and `?kind=allergy`): the young person adds their own
/// entry of any kind; it opens once saved.
#[component]
pub fn HealthAddPage() -> impl IntoView {
    let state = use_app();
    let location = use_location();
    let start_kind = location.query_untracked("kind").and_then(|k| HealthKind::parse(&k));
    let name = state.me().map(|me| me.first_name).unwrap_or_default();
    let on_saved = Callback::new(move |id: Uuid| {
        location.navigate(&format!("/health/entry/{id}"), Step::Add);
    });
    view! {
        <HealthNav/>
        <h1>{t(k::HEALTH_ADD_HEADING)}</h1>
        <p class="health-lead">{t(k::HEALTH_ADD_LEAD)}</p>
        <EntryForm role=Role::YoungPerson owner=None recorded_by=name start_kind=start_kind on_saved=on_saved/>
    }
}
