use leptos::prelude::*;
use pathway_model::health::HealthKind;

use super::card::EntryList;
use super::nav::HealthNav;
use super::records::{items, kind_add, kind_heading, of_kind};
use crate::i18n::{k, t};
use crate::router::A;
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
                <h1>{t(k::HEALTH_NOT_FOUND)}</h1>
                <p>{t(k::HEALTH_KIND_PAGE_NOT_FOUND)}</p>
                <p><A href="/health">{t(k::HEALTH_GO_TO_MY_HEALTH)}</A></p>
            }.into_any(),
            Some(kind) => view! {
                <h1>{kind_heading(kind)}</h1>
                <Show
                    when=move || sync.ready.get()
                    fallback=|| view! { <p class="loading" role="status">{t(k::HEALTH_LOADING)}</p> }
                >
                    {move || {
                        let list = sync.records.with(|rs| of_kind(&items(rs, None), kind));
                        let any = !list.is_empty();
                        view! {
                            <EntryList items=list kind=Some(kind)/>
                            {any.then(|| view! {
                                <p>
                                    <A href=format!("/health/add?kind={}", kind.as_str()) attr:class="button button--secondary">
                                        {kind_add(kind)}
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
