use leptos::prelude::*;
use pathway_model::people::MyPa;

use super::PaCard;
use crate::api;
use crate::saved;
use crate::state::use_app;

/// Loads the PA card, and keeps a copy on the phone: with no signal the
/// saved card still shows, because calling your PA needs no data.
#[component]
pub fn MyPaSection(
    /// Told the PA's details when they load, for anything else on the page
    /// that names the PA.
    #[prop(optional)]
    loaded: Option<RwSignal<Option<MyPa>>>,
) -> impl IntoView {
    let state = use_app();
    let my_pa = LocalResource::new(move || async move {
        let result = api::my_pa().await;
        match &result {
            Ok(pa) => {
                saved::set_my_pa(pa);
                if let Some(l) = loaded {
                    l.set(Some(pa.clone()));
                }
            }
            Err(e) => state.note_error(e),
        }
        result
    });
    move || match my_pa.get() {
        None => view! { <p class="loading" role="status">"Loading your contacts…"</p> }.into_any(),
        Some(Ok(pa)) => view! { <PaCard my_pa=pa/> }.into_any(),
        Some(Err(e)) => match saved::my_pa() {
            Some(pa) => view! {
                <PaCard my_pa=pa/>
                <p class="hint">"Saved on this phone. It may be out of date."</p>
            }
            .into_any(),
            None => view! {
                <section class="card" aria-labelledby="pa-card-heading">
                    <h2 id="pa-card-heading">"Your personal advisor"</h2>
                    <p>
                        {if e.is_unreachable() {
                            "We can't show your advisor's details while you're offline."
                        } else {
                            "We couldn't load your advisor's details. Try again in a minute."
                        }}
                    </p>
                </section>
            }
            .into_any(),
        },
    }
}
