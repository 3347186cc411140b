//! A manager's view of their own council: the caseload figures (no names,
//! no health detail), and the inbox of keep-in-touch requests and unsafe
//! alerts that the leaving care and duty teams act on; and (issue 13) the
//! council's staff accounts and which PA each young person is with; and
//! (issue 14) "Keeping in touch", each PA's figures with the names behind
//! them (`oversight_page`).

mod add_staff_page;
mod code_card;
mod confirm;
mod inbox;
mod oversight_page;
mod staff_page;
mod young_people_page;

pub use add_staff_page::AddStaffPage;
pub use code_card::CodeCard;
pub use confirm::Confirm;
pub use oversight_page::OversightPage;
pub use staff_page::StaffPage;
pub use young_people_page::YoungPeoplePage;

use leptos::prelude::*;
use pathway_model::council::CouncilOverview;

use crate::api;
use crate::router::A;
use crate::ui::{Loaded, SampleBadge, load};
use crate::words;

#[component]
pub fn CouncilPage() -> impl IntoView {
    let overview = load(api::oversight, None);
    view! {
        <Show when=move || overview.value.with(Option::is_none)>
            <h1>"Your council"</h1>
        </Show>
        <Loaded remote=overview what="your council's figures" let:o>
            <Figures overview=o/>
            <Accounts/>
            <inbox::Inbox/>
        </Loaded>
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
            <p><A href="/council/oversight">"Keeping in touch"</A>": each PA's overdue contacts and reviews, with names"</p>
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

/// Links to the account pages: staff, and young people's PAs.
#[component]
fn Accounts() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">"People, accounts and the offer"</h2>
            <ul class="staff-links">
                <li><A href="/council/staff">"Staff"</A>": add PAs and managers, disable accounts, make new set-up codes"</li>
                <li><A href="/council/young-people">"Young people"</A>": who their PA is, and moving them to another PA"</li>
                <li><A href="/council/offer">"Your local offer"</A>": change, add and retire items, and publish them"</li>
            </ul>
        </section>
    }
}
