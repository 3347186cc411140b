use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::plan::{self, PlanArea, TEXT_MAX, WHO_MAX};
use pathway_model::sync::EntityKind;
use uuid::Uuid;

use super::{
    answer_review_fields, comments, date_words, next_review_fields, reply_fields, review, section,
    section_fields,
};
use crate::clock;
use crate::people::{PaAlerts, PaRequests};
use crate::store::engine;
use crate::store::use_sync;

/// On a young person's page, for their PA: their "felt unsafe" alerts and
/// keep-in-touch requests, then their pathway plan to edit. From this
/// device's store, so it shows offline; changes go through sync.
#[component]
pub fn PaPeopleAndPlan(owner: Uuid) -> impl IntoView {
    let sync = use_sync();
    view! {
        <PaAlerts owner=owner/>
        <PaRequests owner=owner/>
        <section class="pa-plan" aria-labelledby="pa-plan-heading">
            <h2 id="pa-plan-heading">"Pathway plan"</h2>
            <Show
                when=move || sync.ready.get()
                fallback=|| view! { <p class="loading" role="status">"Loading the plan…"</p> }
            >
                <PaReview owner=owner/>
                {PlanArea::ALL.into_iter().map(|area| view! { <PaArea owner=owner area=area/> }).collect_view()}
            </Show>
        </section>
    }
}

#[component]
fn PaReview(owner: Uuid) -> impl IntoView {
    let sync = use_sync();
    let current = Memo::new(move |_| sync.records.with(|rs| review(rs, owner)));
    let date = RwSignal::new(
        current
            .with_untracked(|(r, _)| r.next_review.clone())
            .unwrap_or_default(),
    );
    let answer = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let said = RwSignal::new(None::<&'static str>);
    let save = move |fields: Result<pathway_model::sync::Fields, &'static str>,
                     done: &'static str,
                     after: fn(RwSignal<String>),
                     sig: RwSignal<String>| {
        let fields = match fields {
            Ok(f) => f,
            Err(p) => {
                problem.set(Some(p));
                return;
            }
        };
        problem.set(None);
        spawn_local(async move {
            match engine::change(move |r| {
                r.put_for(
                    EntityKind::PlanReview,
                    plan::review_id(owner),
                    fields,
                    owner,
                )
            })
            .await
            {
                Ok(()) => {
                    after(sig);
                    said.set(Some(done));
                }
                Err(e) => problem.set(Some(e.words())),
            }
        });
    };
    let set_date = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(
            next_review_fields(&date.get_untracked()),
            "Review date saved.",
            |_| {},
            date,
        );
    };
    let send_answer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(
            answer_review_fields(&answer.get_untracked(), clock::now_ms()),
            "Answer sent.",
            |s| s.set(String::new()),
            answer,
        );
    };
    let open_request =
        move || current.with(|(r, _)| r.request_open().then(|| (r.asked_at, r.reason.clone())));
    view! {
        <section class="card" aria-labelledby="pa-review-heading">
            <h3 id="pa-review-heading">"Review"</h3>
            <p>
                {move || current.with(|(r, _)| match &r.next_review {
                    Some(d) => format!("Next review: {}", date_words(d)),
                    None => "No review date set.".to_string(),
                })}
            </p>
            {move || open_request().map(|(at, reason)| view! {
                <div class="notice review-request">
                    <p>
                        <strong>"They asked for a review"</strong>
                        {at.map(|a| format!(" on {}.", clock::day_and_clock(a)))}
                    </p>
                    {reason.map(|r| view! { <p class="plan-text">{format!("Reason: {r}")}</p> })}
                </div>
            })}
            {move || current.with(|(r, _)| r.answer.clone()).map(|a| view! {
                <p class="hint">{format!("Your last answer: {a}")}</p>
            })}
            <form on:submit=set_date novalidate class="inline-form">
                <div class="field">
                    <label for="pa-next-review">"Next review date"</label>
                    <input
                        type="date"
                        id="pa-next-review"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button button--small">"Save review date"</button>
            </form>
            <Show when=move || open_request().is_some()>
                <form on:submit=send_answer novalidate>
                    <div class="field">
                        <label for="pa-review-answer">"Your answer to their request"</label>
                        <textarea
                            id="pa-review-answer"
                            rows="3"
                            maxlength=TEXT_MAX.to_string()
                            prop:value=move || answer.get()
                            on:input=move |ev| answer.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <button type="submit" class="button button--small">"Send answer"</button>
                </form>
            </Show>
            <p class="error-message" role="alert">{move || problem.get()}</p>
            <p class="pa-plan__said" role="status">{move || said.get()}</p>
        </section>
    }
}

#[component]
fn PaArea(owner: Uuid, area: PlanArea) -> impl IntoView {
    let sync = use_sync();
    let record = Memo::new(move |_| {
        sync.records
            .with(|rs| rs.get(&plan::section_id(owner, area)).map(|r| r.pending))
    });
    let written = Memo::new(move |_| sync.records.with(|rs| section(rs, owner, area)));
    let said = Memo::new(move |_| sync.records.with(|rs| comments(rs, Some(owner), area)));
    let editing = RwSignal::new(false);
    let goals = RwSignal::new(String::new());
    let steps = RwSignal::new(String::new());
    let who = RwSignal::new(String::new());
    let by_when = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let key = area.as_str();
    let heading_id = format!("pa-plan-{key}");
    let labelled = heading_id.clone();
    let id = move |what: &str| format!("pa-{key}-{what}");

    let start_edit = move |_| {
        let s = written.get_untracked();
        goals.set(s.as_ref().and_then(|s| s.goals.clone()).unwrap_or_default());
        steps.set(
            s.as_ref()
                .and_then(|s| s.next_steps.clone())
                .unwrap_or_default(),
        );
        who.set(s.as_ref().and_then(|s| s.who.clone()).unwrap_or_default());
        by_when.set(
            s.as_ref()
                .and_then(|s| s.by_when.clone())
                .unwrap_or_default(),
        );
        problem.set(None);
        editing.set(true);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = match section_fields(
            area,
            &goals.get_untracked(),
            &steps.get_untracked(),
            &who.get_untracked(),
            &by_when.get_untracked(),
        ) {
            Ok(f) => f,
            Err(p) => {
                problem.set(Some(p));
                return;
            }
        };
        spawn_local(async move {
            match engine::change(move |r| {
                r.put_for(
                    EntityKind::PlanSection,
                    plan::section_id(owner, area),
                    fields,
                    owner,
                )
            })
            .await
            {
                Ok(()) => {
                    problem.set(None);
                    editing.set(false);
                }
                Err(e) => problem.set(Some(e.words())),
            }
        });
    };

    let text_field =
        move |what: &'static str, label: &'static str, value: RwSignal<String>, max: usize| {
            let field_id = id(what);
            view! {
                <div class="field">
                    <label for=field_id.clone()>{label}</label>
                    <textarea
                        id=field_id
                        rows="3"
                        maxlength=max.to_string()
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    ></textarea>
                </div>
            }
        };
    let date_id = id("by-when");

    view! {
        <section class="card plan-area" aria-labelledby=labelled>
            <h3 id=heading_id>{area.title()}</h3>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    {move || match written.get() {
                        Some(s) => view! {
                            <dl class="facts">
                                <div><dt>"Goals"</dt><dd class="plan-text">{s.goals.unwrap_or_else(|| "Not written yet".into())}</dd></div>
                                <div><dt>"Next steps"</dt><dd class="plan-text">{s.next_steps.unwrap_or_else(|| "Not written yet".into())}</dd></div>
                                <div><dt>"Who is doing what"</dt><dd class="plan-text">{s.who.unwrap_or_else(|| "Not written yet".into())}</dd></div>
                                <div><dt>"By when"</dt><dd>{s.by_when.map(|d| date_words(&d)).unwrap_or_else(|| "No date".into())}</dd></div>
                            </dl>
                        }.into_any(),
                        None => view! { <p>"Nothing written yet."</p> }.into_any(),
                    }}
                    {move || (record.get() == Some(true)).then(|| view! {
                        <p class="hint">"Saved on this device. It will sync when you're online."</p>
                    })}
                    <button type="button" class="button button--small button--secondary" on:click=start_edit>
                        {format!("Change {}", super::lower_first(area.title()))}
                    </button>
                }
            >
                <form on:submit=on_submit novalidate>
                    {text_field("goals", "Goals", goals, TEXT_MAX)}
                    {text_field("steps", "Next steps", steps, TEXT_MAX)}
                    {text_field("who", "Who is doing what", who, WHO_MAX)}
                    <div class="field">
                        <label for=date_id.clone()>"By when"</label>
                        <input
                            type="date"
                            id=date_id.clone()
                            prop:value=move || by_when.get()
                            on:input=move |ev| by_when.set(event_target_value(&ev))
                        />
                    </div>
                    <p class="error-message" role="alert">{move || problem.get()}</p>
                    <div class="actions">
                        <button type="submit" class="button button--small">"Save"</button>
                        <button type="button" class="button button--small button--secondary" on:click=move |_| editing.set(false)>
                            "Cancel"
                        </button>
                    </div>
                </form>
            </Show>
            <Show when=move || !said.with(|s| s.is_empty())>
                <h4 class="plan-area__comments">"Their comments"</h4>
                <ul class="comments">
                    <For each=move || said.get() key=|(id, c, _)| (*id, c.reply.clone()) let:item>
                        <PaComment id=item.0 text=item.1.text.clone() reply=item.1.reply.clone()/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn PaComment(id: Uuid, text: String, reply: Option<String>) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let field_id = format!("reply-{id}");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = match reply_fields(&draft.get_untracked()) {
            Ok(f) => f,
            Err(p) => {
                problem.set(Some(p));
                return;
            }
        };
        spawn_local(async move {
            match engine::change(move |r| r.put(EntityKind::PlanComment, id, fields)).await {
                Ok(()) => {
                    problem.set(None);
                    draft.set(String::new());
                }
                Err(e) => problem.set(Some(e.words())),
            }
        });
    };
    let label = format!("Reply to: {}", text.chars().take(60).collect::<String>());
    view! {
        <li class="comment">
            <p class="plan-text">{text}</p>
            {reply.clone().map(|r| view! {
                <div class="reply">
                    <p class="reply__who">"You replied"</p>
                    <p class="plan-text">{r}</p>
                </div>
            })}
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for=field_id.clone()>{label}</label>
                    <textarea
                        id=field_id
                        rows="2"
                        maxlength=TEXT_MAX.to_string()
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <p class="error-message" role="alert">{move || problem.get()}</p>
                <button type="submit" class="button button--small">{if reply.is_some() { "Change reply" } else { "Send reply" }}</button>
            </form>
        </li>
    }
}
