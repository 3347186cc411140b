use leptos::prelude::*;
use pathway_model::health::{Author, HealthKind};

use super::nav::HealthNav;
use super::records::{
    Item, date_words, extra_words, items, kind_heading, kinds_in, left_out_of_passport, passport, phone_words,
};
use super::share::FhirDownload;
use crate::i18n::{k, t, tf, tp};
use crate::router::A;
use crate::state::use_app;
use crate::store::use_sync;
use crate::words;

/// "1 entry is marked Only me…", or nothing.
pub fn left_out_words(n: usize) -> Option<String> {
    (n > 0).then(|| tp(k::HEALTH_PASSPORT_LEFT_OUT, u32::try_from(n).unwrap_or(u32::MAX), &[]))
}

fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// `/health/passport`: the page to print or save as a PDF and take to a
/// new GP or dentist. Allergies and medicines first; only what the young
/// person ticked, and never an "only me" entry.
#[component]
pub fn PassportPage() -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let all = Memo::new(move |_| sync.records.with(|rs| items(rs, None)));
    let chosen = Memo::new(move |_| all.with(|a| passport(a)));
    let name = move || state.me().map(|me| format!("{} {}", me.first_name, me.last_name)).unwrap_or_default();
    let today = words::readable_date(crate::clock::today());
    view! {
        <div class="no-print">
            <HealthNav/>
        </div>
        <article class="passport" aria-labelledby="passport-title">
            <h1 id="passport-title">{t(k::HEALTH_PASSPORT_HEADING)}</h1>
            <dl class="facts passport__who">
                <div><dt>{t(k::HEALTH_PASSPORT_NAME)}</dt><dd>{name}</dd></div>
                <div><dt>{t(k::HEALTH_PASSPORT_MADE_ON)}</dt><dd>{today}</dd></div>
            </dl>
            <div class="no-print passport__about">
                <p>{t(k::HEALTH_PASSPORT_ABOUT)}</p>
                <p>{t(k::HEALTH_PASSPORT_NEVER_ONLY_ME)}</p>
                {move || all.with(|a| left_out_words(left_out_of_passport(a))).map(|w| view! { <p class="notice">{w}</p> })}
                <button type="button" class="button" on:click=move |_| print()>{t(k::HEALTH_PASSPORT_PRINT)}</button>
            </div>
            <section class="no-print card passport__more" aria-labelledby="passport-file">
                <FhirDownload/>
                <h2>{t(k::HEALTH_PASSPORT_MORE_HEADING)}</h2>
                <ul class="health-links">
                    <li>
                        <A href="/health/share">{t(k::HEALTH_PASSPORT_SHARE)}</A>
                        " – "{t(k::HEALTH_PASSPORT_SHARE_ABOUT)}
                    </li>
                    <li>
                        <A href="/health/emergency">{t(k::HEALTH_EMERGENCY_CARD)}</A>
                        " – "{t(k::HEALTH_PASSPORT_EMERGENCY_ABOUT)}
                    </li>
                </ul>
            </section>
            {move || chosen.with(|c| {
                if c.is_empty() {
                    return view! {
                        <p class="health-empty">{t(k::HEALTH_PASSPORT_EMPTY)}</p>
                        <p class="no-print"><A href="/health">{t(k::HEALTH_GO_TO_MY_HEALTH)}</A></p>
                    }.into_any();
                }
                kinds_in(c).into_iter().map(|kind| view! { <PassportSection kind=kind items=c.clone()/> }).collect_view().into_any()
            })}
        </article>
    }
}

#[component]
fn PassportSection(kind: HealthKind, items: Vec<Item>) -> impl IntoView {
    let id = format!("passport-{}", kind.as_str());
    let id_label = id.clone();
    view! {
        <section class="passport__section" aria-labelledby=id_label>
            <h2 id=id>{kind_heading(kind)}</h2>
            <ul class="passport__list">
                {items.into_iter().filter(|i| i.entry.kind == kind).map(|i| {
                    let e = i.entry;
                    let by = if e.author == Author::Me { k::HEALTH_ADDED_BY } else { k::HEALTH_RECORDED_BY };
                    let phone = e.phone.as_deref().map(phone_words);
                    let line: Vec<String> = [date_words(e.date.as_deref()), extra_words(&e), phone]
                        .into_iter()
                        .flatten()
                        .collect();
                    view! {
                        <li>
                            <p class="passport__title">{e.title}</p>
                            {(!line.is_empty()).then(|| view! { <p>{line.join(" · ")}</p> })}
                            {e.details.map(|d| view! { <p class="passport__details">{d}</p> })}
                            <p class="passport__by">
                                {e.source.map(|s| format!("{s}. ")).unwrap_or_default()}
                                {tf(by, &[("name", &e.recorded_by)])}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn left_out_entries_are_counted_in_words() {
        assert_eq!(left_out_words(0), None);
        assert!(left_out_words(1).unwrap().starts_with("1 entry you ticked"));
        assert!(left_out_words(3).unwrap().starts_with("3 entries"));
    }
}
