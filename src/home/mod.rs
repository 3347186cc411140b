//! The young person's start page: a greeting, who to call, when the next
//! catch-up is due and what was agreed, and the things they want to talk
//! about with them.

use leptos::prelude::*;

use crate::i18n::{k, t, tf};
use crate::meeting::CatchUp;
use crate::people::MyPaSection;
use crate::router::A;
use crate::saved;
use crate::state::use_app;
use crate::topic::TopicsSection;
use crate::ui::Later;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app();
    let greeting = move || tf(k::HOME_GREETING, &[("name", &state.me().map(|me| me.first_name).unwrap_or_default())]);
    // The PA card loads it; the topics heading names the PA.
    let my_pa = RwSignal::new(saved::my_pa());
    view! {
        <h1>{greeting}</h1>
        <MyPaSection loaded=my_pa/>
        // Below the PA card, so drawing it a task later moves nothing.
        <Later>
            <CatchUp my_pa=my_pa/>
            <p class="plan-link"><A href="/plan">{t(k::HOME_MY_PLAN)}</A></p>
            <Later>
                <TopicsSection my_pa=my_pa/>
            </Later>
        </Later>
    }
}
