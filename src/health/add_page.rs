use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use pathway_model::auth::Role;
use pathway_model::health::HealthKind;
use uuid::Uuid;

use super::entry_form::EntryForm;
use super::nav::HealthNav;
use crate::i18n::{k, t};
use crate::state::use_app;

/// `/health/add` (and `?kind=allergy`): the young person adds their own
/// entry of any kind; it opens once saved.
#[component]
pub fn HealthAddPage() -> impl IntoView {
    let state = use_app();
    let query = use_query_map();
    let start_kind = query.read_untracked().get("kind").and_then(|k| HealthKind::parse(&k));
    let name = state.me().map(|me| me.first_name).unwrap_or_default();
    let navigate = use_navigate();
    let on_saved = Callback::new(move |id: Uuid| {
        navigate(&format!("/health/entry/{id}"), NavigateOptions::default());
    });
    view! {
        <HealthNav/>
        <h1>{t(k::HEALTH_ADD_HEADING)}</h1>
        <p class="health-lead">{t(k::HEALTH_ADD_LEAD)}</p>
        <EntryForm role=Role::YoungPerson owner=None recorded_by=name start_kind=start_kind on_saved=on_saved/>
    }
}
