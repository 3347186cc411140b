use leptos::prelude::*;
use pathway_model::plan::{self, PlanArea, TEXT_MAX};
use pathway_model::record::EntityKind;
use uuid::Uuid;

use super::{
    area_about, area_title, ask_review_fields, comment_fields, comments, date_words, lower_first, review, section,
};
use crate::clock;
use crate::i18n::{k, t, tf};
use crate::router::A;
use crate::state::use_app;
use crate::store::{Save, use_sync};
use crate::ui::ReadAloud;
use crate::ui::form::TextArea;

/// The young person's plan, read from the phone's store: works offline.
#[component]
pub fn MyPlanPage() -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let me = Memo::new(move |_| state.me().map(|m| m.person_id));
    view! {
        <h1>{t(k::PLAN_TITLE)}</h1>
        <p>{t(k::PLAN_INTRO)}</p>
        <p class="back"><A href="/people">{t(k::PLAN_PEOPLE_LINK)}</A></p>
        {move || match me.get() {
            None => view! { <p class="loading" role="status">{t(k::PLAN_LOADING)}</p> }.into_any(),
            Some(person) => view! {
                <Show
                    when=move || sync.ready.get()
                    fallback=|| view! { <p class="loading" role="status">{t(k::PLAN_LOADING_PLAN)}</p> }
                >
                    <Review person=person/>
                    <nav class="plan-contents" aria-labelledby="plan-contents-heading">
                        <h2 id="plan-contents-heading">{t(k::PLAN_CONTENTS_HEADING)}</h2>
                        <ul>
                            {PlanArea::ALL.into_iter().map(|a| view! {
                                <li><a href=format!("#plan-{}", a.as_str())>{area_title(a)}</a></li>
                            }).collect_view()}
                        </ul>
                    </nav>
                    <ReadAloud of="plan-areas"/>
                    <div id="plan-areas">
                        {PlanArea::ALL.into_iter().map(|area| view! { <Area person=person area=area/> }).collect_view()}
                    </div>
                </Show>
            }.into_any(),
        }}
    }
}

/// The next review, and "Ask for a review" with the PA's answer.
#[component]
fn Review(person: Uuid) -> impl IntoView {
    let sync = use_sync();
    let current = Memo::new(move |_| sync.records.with(|rs| review(rs, person)));
    let reason = RwSignal::new(String::new());
    let save = Save::new();
    let asking = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.put(
            ask_review_fields(&reason.get_untracked(), clock::now_ms()),
            EntityKind::PlanReview,
            plan::review_id(person),
            move || {
                reason.set(String::new());
                asking.set(false);
            },
        );
    };
    let next = move || {
        current.with(|(r, _)| match &r.next_review {
            Some(d) => tf(k::PLAN_REVIEW_NEXT, &[("date", &date_words(d))]),
            None => t(k::PLAN_REVIEW_NEXT_NOT_SET).to_string(),
        })
    };
    let request = move || {
        current.with(|(r, pending)| {
            let asked = r.asked_at?;
            let mut words = tf(k::PLAN_REVIEW_ASKED, &[("when", &clock::day_and_clock(asked))]);
            let then = if *pending {
                Some(t(k::PLAN_REVIEW_SAVED_HERE))
            } else if r.request_open() {
                Some(t(k::PLAN_REVIEW_WAITING))
            } else {
                None
            };
            if let Some(then) = then {
                words.push(' ');
                words.push_str(then);
            }
            Some(words)
        })
    };
    let answer = move || {
        current.with(|(r, _)| r.answered_at.filter(|a| r.asked_at.is_none_or(|q| *a >= q)).and(r.answer.clone()))
    };
    view! {
        <section class="card plan-review" aria-labelledby="review-heading">
            <h2 id="review-heading">{t(k::PLAN_REVIEW_HEADING)}</h2>
            <p>{next}</p>
            {move || current.with(|(r, _)| r.last_review.clone()).map(|d| view! {
                <p class="hint">{tf(k::PLAN_REVIEW_LAST, &[("date", &date_words(&d))])}</p>
            })}
            <p class="plan-review__asked" role="status">{request}</p>
            {move || answer().map(|a| view! {
                <div class="reply">
                    <p class="reply__who">{t(k::PLAN_REVIEW_PA_ANSWER)}</p>
                    <p>{a}</p>
                </div>
            })}
            <Show
                when=move || asking.get()
                fallback=move || {
                    // One open request at a time: the PA answers it first.
                    (!current.with(|(r, _)| r.request_open())).then(|| view! {
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>
                            {t(k::PLAN_REVIEW_ASK)}
                        </button>
                    })
                }
            >
                <form on:submit=on_submit novalidate>
                    <TextArea
                        id="review-reason"
                        label=t(k::PLAN_REVIEW_REASON_LABEL)
                        hint=t(k::PLAN_REVIEW_REASON_HINT)
                        rows=3
                        max=TEXT_MAX
                        value=reason
                        problem=Signal::derive(move || save.problem())
                    />
                    <div class="actions">
                        <button type="submit" class="button" disabled=move || save.saving()>{t(k::PLAN_REVIEW_SEND)}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>{t(k::PLAN_REVIEW_CANCEL)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}

/// One area: what the PA wrote, the young person's comments with the PA's
/// replies, and a way to add a comment.
#[component]
fn Area(person: Uuid, area: PlanArea) -> impl IntoView {
    let sync = use_sync();
    let written = Memo::new(move |_| sync.records.with(|rs| section(rs, person, area)));
    let said = Memo::new(move |_| sync.records.with(|rs| comments(rs, None, area)));
    let text = RwSignal::new(String::new());
    let save = Save::new();
    let key = area.as_str();
    let heading_id = format!("plan-{key}");
    let labelled = heading_id.clone();
    let field_id = format!("comment-{key}");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.put(comment_fields(area, &text.get_untracked()), EntityKind::PlanComment, Uuid::now_v7(), move || {
            text.set(String::new())
        });
    };
    let facts = move || {
        written.get().filter(|s| s.goals.is_some() || s.next_steps.is_some() || s.who.is_some() || s.by_when.is_some())
    };
    view! {
        <section class="card plan-area" aria-labelledby=labelled>
            <h2 id=heading_id>{area_title(area)}</h2>
            <p class="hint">{area_about(area)}</p>
            {move || match facts() {
                Some(s) => view! {
                    <dl class="facts">
                        {s.goals.map(|g| view! { <div><dt>{t(k::PLAN_SECTION_GOALS)}</dt><dd class="plan-text">{g}</dd></div> })}
                        {s.next_steps.map(|g| view! { <div><dt>{t(k::PLAN_SECTION_NEXT_STEPS)}</dt><dd class="plan-text">{g}</dd></div> })}
                        {s.who.map(|g| view! { <div><dt>{t(k::PLAN_SECTION_WHO)}</dt><dd class="plan-text">{g}</dd></div> })}
                        {s.by_when.map(|g| view! { <div><dt>{t(k::PLAN_SECTION_BY_WHEN)}</dt><dd>{date_words(&g)}</dd></div> })}
                    </dl>
                }.into_any(),
                None => view! { <p>{t(k::PLAN_SECTION_EMPTY)}</p> }.into_any(),
            }}
            <Show when=move || !said.with(|s| s.is_empty())>
                <h3 class="plan-area__comments">{t(k::PLAN_COMMENTS_HEADING)}</h3>
                <ul class="comments">
                    <For each=move || said.get() key=|(id, c, p)| (*id, c.reply.clone(), *p) let:item>
                        <li class="comment">
                            <p class="plan-text">{item.1.text.clone()}</p>
                            {item.2.then(|| view! { <p class="hint">{t(k::PLAN_COMMENTS_SAVED_HERE)}</p> })}
                            {item.1.reply.clone().map(|r| view! {
                                <div class="reply">
                                    <p class="reply__who">{t(k::PLAN_COMMENTS_PA_REPLIED)}</p>
                                    <p class="plan-text">{r}</p>
                                </div>
                            })}
                        </li>
                    </For>
                </ul>
            </Show>
            <details class="add-comment">
                <summary>{tf(k::PLAN_COMMENTS_ADD, &[("area", &lower_first(area_title(area)))])}</summary>
                <form on:submit=on_submit novalidate>
                    <TextArea
                        id=field_id
                        label=tf(k::PLAN_COMMENTS_LABEL, &[("area", &lower_first(area_title(area)))])
                        rows=3
                        max=TEXT_MAX
                        value=text
                        problem=Signal::derive(move || save.problem())
                    />
                    <button type="submit" class="button" disabled=move || save.saving()>{t(k::PLAN_COMMENTS_SEND)}</button>
                </form>
            </details>
        </section>
    }
}
