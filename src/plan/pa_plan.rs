use leptos::prelude::*;
use pathway_model::plan::{self, PlanArea, TEXT_MAX, WHO_MAX};
use pathway_model::record::{EntityKind, Fields};
use uuid::Uuid;

use super::{
    BY_WHEN_PROBLEM, TEXT_PROBLEM, WHO_PROBLEM, answer_review_fields, comments, date_words, next_review_fields,
    reply_fields, review, section, section_fields,
};
use crate::clock;
use crate::people::{PaAlerts, PaRequests};
use crate::store::{Save, SaveState, use_sync};
use crate::ui::form::{DateField, TextArea};

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
    let date = RwSignal::new(current.with_untracked(|(r, _)| r.next_review.clone()).unwrap_or_default());
    let answer = RwSignal::new(String::new());
    let date_save = Save::new();
    let answer_save = Save::new();
    // What the last save did, in words; cleared by the next try.
    let said = RwSignal::new(None::<&'static str>);
    let put = move |save: Save, checked: Result<Fields, &'static str>, then: Box<dyn FnOnce()>| {
        said.set(None);
        save.put_for(checked, EntityKind::PlanReview, plan::review_id(owner), owner, then);
    };
    let set_date = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        put(
            date_save,
            next_review_fields(&date.get_untracked()),
            Box::new(move || said.set(Some("Review date saved."))),
        );
    };
    let send_answer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        put(
            answer_save,
            answer_review_fields(&answer.get_untracked(), clock::now_ms()),
            Box::new(move || {
                answer.set(String::new());
                said.set(Some("Answer sent."));
            }),
        );
    };
    let open_request = move || current.with(|(r, _)| r.request_open().then(|| (r.asked_at, r.reason.clone())));
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
                <DateField id="pa-next-review" label="Next review date" value=date
                    problem=Signal::derive(move || date_save.problem())/>
                <button type="submit" class="button button--small" disabled=move || date_save.saving()>"Save review date"</button>
            </form>
            <Show when=move || open_request().is_some()>
                <form on:submit=send_answer novalidate>
                    <TextArea id="pa-review-answer" label="Your answer to their request" rows=3 max=TEXT_MAX
                        value=answer problem=Signal::derive(move || answer_save.problem())/>
                    <button type="submit" class="button button--small" disabled=move || answer_save.saving()>"Send answer"</button>
                </form>
            </Show>
            <p class="pa-plan__said" role="status">{move || said.get()}</p>
        </section>
    }
}

#[component]
fn PaArea(owner: Uuid, area: PlanArea) -> impl IntoView {
    let sync = use_sync();
    let record = Memo::new(move |_| sync.records.with(|rs| rs.get(&plan::section_id(owner, area)).map(|r| r.pending)));
    let written = Memo::new(move |_| sync.records.with(|rs| section(rs, owner, area)));
    let said = Memo::new(move |_| sync.records.with(|rs| comments(rs, Some(owner), area)));
    let editing = RwSignal::new(false);
    let goals = RwSignal::new(String::new());
    let steps = RwSignal::new(String::new());
    let who = RwSignal::new(String::new());
    let by_when = RwSignal::new(String::new());
    let save = Save::new();
    let key = area.as_str();
    let heading_id = format!("pa-plan-{key}");
    let labelled = heading_id.clone();
    let id = move |what: &str| format!("pa-{key}-{what}");

    let start_edit = move |_| {
        let s = written.get_untracked();
        goals.set(s.as_ref().and_then(|s| s.goals.clone()).unwrap_or_default());
        steps.set(s.as_ref().and_then(|s| s.next_steps.clone()).unwrap_or_default());
        who.set(s.as_ref().and_then(|s| s.who.clone()).unwrap_or_default());
        by_when.set(s.as_ref().and_then(|s| s.by_when.clone()).unwrap_or_default());
        save.state.set(SaveState::Idle);
        editing.set(true);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = section_fields(
            area,
            &goals.get_untracked(),
            &steps.get_untracked(),
            &who.get_untracked(),
            &by_when.get_untracked(),
        );
        save.put_for(checked, EntityKind::PlanSection, plan::section_id(owner, area), owner, move || {
            editing.set(false)
        });
    };
    // Each problem next to the box it is about; a problem saving on the
    // phone (no one box's) under the boxes.
    let too_long = |v: RwSignal<String>| v.with(|v| v.trim().chars().count() > TEXT_MAX);
    let problem_if = move |words: &'static str, here: fn(bool, bool) -> bool| {
        Signal::derive(move || save.problem().filter(|p| *p == words && here(too_long(goals), too_long(steps))))
    };
    let goals_problem = problem_if(TEXT_PROBLEM, |goals, _| goals);
    let steps_problem = problem_if(TEXT_PROBLEM, |goals, _| !goals);
    let who_problem = problem_if(WHO_PROBLEM, |_, _| true);
    let date_problem = problem_if(BY_WHEN_PROBLEM, |_, _| true);
    let other_problem = move || save.problem().filter(|p| ![TEXT_PROBLEM, WHO_PROBLEM, BY_WHEN_PROBLEM].contains(p));

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
                    <TextArea id=id("goals") label="Goals" rows=3 max=TEXT_MAX value=goals problem=goals_problem/>
                    <TextArea id=id("steps") label="Next steps" rows=3 max=TEXT_MAX value=steps problem=steps_problem/>
                    <TextArea id=id("who") label="Who is doing what" rows=3 max=WHO_MAX value=who problem=who_problem/>
                    <DateField id=id("by-when") label="By when" value=by_when problem=date_problem/>
                    <p class="error-message" role="alert">{other_problem}</p>
                    <div class="actions">
                        <button type="submit" class="button button--small" disabled=move || save.saving()>"Save"</button>
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
    let save = Save::new();
    let field_id = format!("reply-{id}");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.put(reply_fields(&draft.get_untracked()), EntityKind::PlanComment, id, move || draft.set(String::new()));
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
                <TextArea id=field_id label=label rows=2 max=TEXT_MAX value=draft
                    problem=Signal::derive(move || save.problem())/>
                <button type="submit" class="button button--small" disabled=move || save.saving()>{if reply.is_some() { "Change reply" } else { "Send reply" }}</button>
            </form>
        </li>
    }
}
