//! A manager's view of their own council: the caseload figures (no names,
//! no health detail), and the inbox of keep-in-touch requests and unsafe
//! alerts that the leaving care and duty teams act on.

mod inbox;

use leptos::prelude::*;
use pathway_model::council::CouncilOverview;

use crate::api;
use crate::app::use_app;
use crate::ui::SampleBadge;
use crate::words;

#[component]
pub fn CouncilPage() -> impl IntoView {
    let state = use_app();
    let overview = LocalResource::new(move || async move {
        let result = api::oversight().await;
        if let Err(e) = &result {
            state.note_error(e);
        }
        result
    });
    move || match overview.get() {
        None => view! {
            <h1>"Your council"</h1>
            <p class="loading" role="status">"Loading…"</p>
        }
        .into_any(),
        Some(Ok(o)) => view! {
            <Figures overview=o/>
            <inbox::Inbox/>
        }
        .into_any(),
        Some(Err(e)) => view! {
            <h1>"Your council"</h1>
            <p class="notice">
                {if e.is_unreachable() {
                    "You're offline, so we can't show your council's figures. They will load when you're back online."
                } else {
                    "We couldn't load your council's figures. Try again in a minute."
                }}
            </p>
        }
        .into_any(),
    }
}

#[component]
fn Figures(overview: CouncilOverview) -> impl IntoView {
    let overdue = overview.not_contacted_90_days;
    view! {
        <h1>{overview.council.name.clone()}</h1>
        <SampleBadge sample_data=overview.council.sample_data/>
        <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">"Caseload oversight"</h2>
            <ul class="figures">
                <Figure value=overview.young_people one="young person" many="young people"/>
                <Figure value=overview.advisors one="personal advisor" many="personal advisors"/>
                <Figure
                    value=overdue
                    one="young person not contacted in the last 90 days"
                    many="young people not contacted in the last 90 days"
                    warn={overdue != 0}
                />
            </ul>
        </section>
    }
}

/// A big number and what it counts, read as one phrase ("2 young people").
#[component]
fn Figure(value: u32, one: &'static str, many: &'static str, #[prop(optional)] warn: bool) -> impl IntoView {
    let label = words::noun(value, one, many);
    view! {
        <li class="card figure" class:figure--warn=warn>
            <span class="figure__value">{value}</span>
            " "
            <span class="figure__label">{label}</span>
        </li>
    }
}
