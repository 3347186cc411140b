use leptos::prelude::*;
use leptos_router::components::A;
use pathway_model::health::HealthKind;

use super::card::{EntryList, a_or_an};
use super::nav::HealthNav;
use super::records::{items, of_kind};
use crate::store::use_sync;

/// `/health/kind/:kind`: one kind of entry, or what to ask for and whom.
#[component]
pub fn HealthKindPage(kind: String) -> impl IntoView {
    let sync = use_sync();
    let kind = HealthKind::parse(&kind);
    let kind = move || kind;
    view! {
        <HealthNav/>
        {move || match kind() {
            None => view! {
                <h1>"We can't find that"</h1>
                <p>"There's no list like that in My health."</p>
                <p><A href="/health">"Go to My health"</A></p>
            }.into_any(),
            Some(kind) => view! {
                <h1>{kind.heading()}</h1>
                <Show
                    when=move || sync.ready.get()
                    fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }
                >
                    {move || {
                        let list = sync.records.with(|rs| of_kind(&items(rs, None), kind));
                        let any = !list.is_empty();
                        view! {
                            <EntryList items=list kind=Some(kind)/>
                            {any.then(|| view! {
                                <p>
                                    <A href=format!("/health/add?kind={}", kind.as_str()) attr:class="button button--secondary">
                                        {format!("Add {}", a_or_an(kind.singular()))}
                                    </A>
                                </p>
                            })}
                        }
                    }}
                </Show>
            }.into_any(),
        }}
    }
}
