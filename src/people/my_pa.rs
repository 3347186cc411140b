use leptos::prelude::*;
use pathway_model::people::MyPa;

use super::PaCard;
use crate::api;
use crate::i18n::{k, t};
use crate::saved;
use crate::ui::load::Phase;
use crate::ui::{Keep, Loaded, load};

/// Loads the PA card, and keeps a copy on the phone: with no signal the
/// saved card still shows, because calling your PA needs no data.
#[component]
pub fn MyPaSection(
    /// Told the PA's details when they load, for anything else on the page
    /// that names the PA.
    #[prop(optional)]
    loaded: Option<RwSignal<Option<MyPa>>>,
) -> impl IntoView {
    let my_pa = load(api::my_pa, Some(Keep { read: saved::my_pa, write: saved::set_my_pa }));
    if let Some(told) = loaded {
        // Only the server's answer, as before: the phone's copy may be old.
        Effect::new(move |_| {
            if my_pa.phase.get() == Phase::Fresh {
                told.set(my_pa.value.get());
            }
        });
    }
    view! {
        <Loaded remote=my_pa what=t(k::PEOPLE_PA_CARD_LOADING_WHAT) let:pa>
            <PaCard my_pa=pa/>
        </Loaded>
    }
}
