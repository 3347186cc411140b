//! The form that adds an entry: a young person's own, or a PA's
//! professional one for a young person on their caseload; and the same
//! form, filled in, to change the words of an entry of the young person's
//! own. Checked by the model's rules before anything is saved, with each
//! problem next to its field and a summary at the top.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::auth::Role;
use pathway_model::health::{HealthEntry, HealthKind, Visibility};
use uuid::Uuid;

use super::form::{
    Draft, Problem, SEVERITIES, changed_fields, draft_of, extra_field, new_entry, problem_for,
};
use super::records::capitalised;
use super::{add_entry, change_entry};
use crate::store::use_sync;

#[component]
pub fn EntryForm(
    role: Role,
    /// The young person a PA records it for; `None`: the young person's own.
    owner: Option<Uuid>,
    recorded_by: String,
    start_kind: Option<HealthKind>,
    on_saved: Callback<Uuid>,
    /// An entry to change rather than a new one: the form starts filled in,
    /// and only the fields changed are sent, on top of the entry as it was
    /// (its kind, and who sees it, are not asked here).
    #[prop(optional)]
    edit: Option<Uuid>,
    /// Shown as a "Cancel" button beside "Save changes".
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let pa = role == Role::Advisor;
    let sync = use_sync();
    let current = move || {
        edit.and_then(|id| {
            sync.records
                .with_untracked(|rs| rs.get(&id).map(|r| r.fields.clone()))
        })
    };
    let start = current()
        .as_ref()
        .and_then(HealthEntry::from_fields)
        .map(|e| draft_of(&e))
        .unwrap_or_default();
    let start_kind = start.kind.or(start_kind);
    let kind = RwSignal::new(start_kind);
    let title = RwSignal::new(start.title);
    let date = RwSignal::new(start.date);
    let details = RwSignal::new(start.details);
    let source = RwSignal::new(start.source);
    let extra = RwSignal::new(start.extra);
    let start_visibility = if pa {
        Visibility::MyPa
    } else {
        Visibility::MeOnly
    };
    let visibility = RwSignal::new(start_visibility);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let saving = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = Draft {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            date: date.get_untracked(),
            details: details.get_untracked(),
            source: source.get_untracked(),
            extra: extra.get_untracked(),
            visibility: Some(visibility.get_untracked()),
        };
        let show = move |ps: Vec<Problem>| {
            problems.set(ps);
            if let Some(el) = summary.get_untracked() {
                let _ = el.focus();
            }
        };
        if let Some(id) = edit {
            let Some(now) = current() else { return };
            match changed_fields(&draft, role, &now) {
                Err(ps) => show(ps),
                Ok(change) if change.is_empty() => show(vec![Problem {
                    field: "form",
                    words: "You haven't changed anything. Change something, or press Cancel.",
                }]),
                Ok(change) => {
                    problems.set(Vec::new());
                    saving.set(true);
                    spawn_local(async move {
                        match change_entry(id, change).await {
                            Ok(()) => on_saved.run(id),
                            Err(e) => show(vec![Problem {
                                field: "form",
                                words: e.words(),
                            }]),
                        }
                        saving.set(false);
                    });
                }
            }
            return;
        }
        match new_entry(&draft, role, &recorded_by) {
            Err(ps) => show(ps),
            Ok(fields) => {
                problems.set(Vec::new());
                saving.set(true);
                spawn_local(async move {
                    match add_entry(fields, owner).await {
                        Ok(id) => {
                            for s in [title, date, details, source, extra] {
                                s.set(String::new());
                            }
                            visibility.set(start_visibility);
                            on_saved.run(id);
                        }
                        Err(e) => problems.set(vec![Problem {
                            field: "form",
                            words: e.words(),
                        }]),
                    }
                    saving.set(false);
                });
            }
        }
    };

    let problem = move |field: &'static str| {
        Signal::derive(move || problems.with(|ps| problem_for(ps, field)))
    };
    let kind_options = HealthKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str() selected=start_kind == Some(k)>{capitalised(k.singular())}</option> })
        .collect_view();
    let visibilities: Vec<Visibility> = Visibility::ALL
        .into_iter()
        .filter(|v| !pa || *v != Visibility::MeOnly)
        .collect();

    view! {
        <form class="health-form" on:submit=on_submit novalidate>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary hidden=move || problems.with(Vec::is_empty)>
                {move || problems.with(|ps| (!ps.is_empty()).then(|| view! {
                    <h2 class="error-summary__title">"Check this before saving"</h2>
                    <ul>
                        {ps.iter().map(|p| view! { <li>{p.words}</li> }).collect_view()}
                    </ul>
                }))}
            </div>
            {edit.is_none().then(|| view! {
            <div class="field">
                <label for="entry-kind">"What kind of thing is it?"</label>
                <p class="error-message" id="entry-kind-problem">{move || problem("kind").get()}</p>
                <select
                    id="entry-kind"
                    aria-describedby="entry-kind-problem"
                    aria-invalid=move || problem("kind").get().is_some().then_some("true")
                    on:change=move |ev| {
                        kind.set(HealthKind::parse(&event_target_value(&ev)));
                        extra.set(String::new());
                    }
                >
                    <option value="" selected=start_kind.is_none()>"Choose one"</option>
                    {kind_options}
                </select>
            </div>
            })}
            <TextField id="entry-title" label="Title" hint=if pa { "For example: Penicillin, or MMR second dose" } else { "For example: Hay fever, or My dentist" } value=title problem=problem("title")/>
            <TextField id="entry-date" label="Date (if you know it)" kind="date" value=date problem=problem("date")/>
            {move || kind.get().and_then(|k| extra_field(k).map(|f| (k, f))).map(|(k, (name, label))| {
                if k == HealthKind::Allergy {
                    view! { <SeverityField value=extra problem=problem(name) label=label/> }.into_any()
                } else {
                    let input_kind = if name == "phone" { "tel" } else { "text" };
                    view! { <TextField id="entry-extra" label=label kind=input_kind value=extra problem=problem(name)/> }.into_any()
                }
            })}
            <TextField id="entry-details" label="More details (if you want)" kind="textarea" value=details problem=problem("details")/>
            <TextField
                id="entry-source"
                label=if pa { "From what" } else { "Where is this from? (if you want)" }
                hint=if pa { "For example: Health assessment, March 2024" } else { "For example: a letter from my GP" }
                value=source
                problem=problem("source")
            />
            {edit.is_none().then(|| view! {
            <fieldset class="radios">
                <legend>"Who can see this?"</legend>
                {visibilities.into_iter().map(|v| {
                    let id = format!("entry-see-{}", v.as_str());
                    view! {
                        <div class="radio">
                            <input type="radio" name="entry-see" id=id.clone() value=v.as_str()
                                prop:checked=move || visibility.get() == v
                                on:change=move |_| visibility.set(v)/>
                            <label for=id>{if pa { pa_label(v) } else { v.label() }}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            })}
            <div class="health-form__actions">
                <button type="submit" class="button" disabled=move || saving.get()>
                    {if edit.is_some() { "Save changes" } else { "Save" }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
        </form>
    }
}

/// The PA's words for who sees it: "they" rather than "me".
fn pa_label(v: Visibility) -> &'static str {
    match v {
        Visibility::MeOnly => "Only them",
        Visibility::MyPa => "Them and you (their PA)",
        Visibility::MyPaAndHealth => "Them, you and health staff",
    }
}

#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    value: RwSignal<String>,
    problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    let described = if hint.is_some() {
        format!("{hint_id} {problem_id}")
    } else {
        problem_id.clone()
    };
    let invalid = move || problem.get().is_some().then_some("true");
    let input = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));
    let control = if kind == "textarea" {
        view! {
            <textarea id=id rows="4" aria-describedby=described aria-invalid=invalid prop:value=move || value.get() on:input=input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type=kind aria-describedby=described aria-invalid=invalid prop:value=move || value.get() on:input=input/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="error-message" id=problem_id>{move || problem.get()}</p>
            {control}
        </div>
    }
}

#[component]
fn SeverityField(
    value: RwSignal<String>,
    problem: Signal<Option<&'static str>>,
    label: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="entry-severity">{label}</label>
            <p class="error-message" id="entry-severity-problem">{move || problem.get()}</p>
            <select id="entry-severity" aria-describedby="entry-severity-problem" on:change=move |ev| value.set(event_target_value(&ev))>
                {SEVERITIES.into_iter().map(|(v, words)| view! {
                    <option value=v selected=move || value.get() == v>{words}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
