//! The form that adds an entry: a young person's own, or a PA's
//! professional one for a young person on their caseload; and the same
//! form, filled in, to change the words of an entry of the young person's
//! own. Checked by the model's rules before anything is saved, with each
//! problem next to its field and a summary at the top.

use leptos::prelude::*;
use pathway_model::auth::Role;
use pathway_model::health::entry::HealthEntryChange;
use pathway_model::health::{HealthEntry, HealthKind, Visibility};
use uuid::Uuid;

use super::form::{
    Draft, Problem, changed_fields, draft_of, extra_field, kind_choices, new_entry, problem_for, severities,
};
use super::records::visibility_words;
use crate::i18n::{k, t};
use crate::store::{Save, SaveState, use_sync};
use crate::ui::form::{DateField, ErrorSummary, RadioGroup, SelectField, TextArea, TextField, focus_summary};

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
    let current = move || edit.and_then(|id| sync.records.with_untracked(|rs| rs.get(&id).map(|r| r.fields.clone())));
    let start = current().as_ref().and_then(HealthEntry::from_fields).map(|e| draft_of(&e)).unwrap_or_default();
    let start_kind = start.kind.or(start_kind);
    let kind_word = RwSignal::new(start_kind.map(HealthKind::as_str).unwrap_or("").to_string());
    let kind = Memo::new(move |_| kind_word.with(|k| HealthKind::parse(k)));
    let title = RwSignal::new(start.title);
    let date = RwSignal::new(start.date);
    let details = RwSignal::new(start.details);
    let source = RwSignal::new(start.source);
    let extra = RwSignal::new(start.extra);
    // A PA can't choose "only me": the entry would be lost to them at once.
    let start_visibility = if pa { Visibility::MyPa } else { Visibility::MeOnly };
    let visibility = RwSignal::new(start_visibility.as_str().to_string());
    // Another kind has another field of its own: what was typed for the
    // last one does not belong to it.
    Effect::watch(move || kind.get(), move |_, _, _| extra.set(String::new()), false);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let save = Save::new();
    let summary = NodeRef::<leptos::html::Div>::new();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.state.get_untracked() == SaveState::Saving {
            return;
        }
        let draft = Draft {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            date: date.get_untracked(),
            details: details.get_untracked(),
            source: source.get_untracked(),
            extra: extra.get_untracked(),
            visibility: visibility.with_untracked(|v| Visibility::parse(v)),
        };
        save.state.set(SaveState::Idle);
        let checked = match edit {
            Some(_) => match current() {
                Some(now) => changed_fields(&draft, role, &now),
                None => return,
            },
            None => new_entry(&draft, role, &recorded_by),
        };
        let fields = match checked {
            Err(ps) => {
                problems.set(ps);
                return focus_summary(summary);
            }
            Ok(f) => f,
        };
        problems.set(Vec::new());
        if fields.is_empty() {
            save.refuse(t(k::HEALTH_FORM_UNCHANGED));
            return focus_summary(summary);
        }
        let kind = HealthEntryChange::KIND;
        match (edit, owner) {
            (Some(id), _) => save.put(Ok(fields), kind, id, move || on_saved.run(id)),
            (None, owner) => {
                let id = Uuid::now_v7();
                // Empty again, ready for the next entry.
                let then = move || {
                    for s in [title, date, details, source, extra] {
                        s.set(String::new());
                    }
                    visibility.set(start_visibility.as_str().to_string());
                    on_saved.run(id);
                };
                match owner {
                    Some(o) => save.put_for(Ok(fields), kind, id, o, then),
                    None => save.put(Ok(fields), kind, id, then),
                }
            }
        }
    };

    let problem = move |field: &'static str| Signal::derive(move || problems.with(|ps| problem_for(ps, field)));
    // The fields' problems, then why the save itself failed.
    let summary_words = Signal::derive(move || {
        let mut words: Vec<&'static str> = problems.with(|ps| ps.iter().map(|p| p.words).collect());
        words.extend(save.problem());
        words
    });
    let visibilities: Vec<(&'static str, &'static str)> = Visibility::ALL
        .into_iter()
        .filter(|v| !pa || *v != Visibility::MeOnly)
        .map(|v| (v.as_str(), if pa { pa_label(v) } else { visibility_words(v) }))
        .collect();

    view! {
        <form class="health-form" on:submit=on_submit novalidate>
            <ErrorSummary problems=summary_words node_ref=summary/>
            {edit.is_none().then(|| view! {
                <SelectField
                    id="entry-kind"
                    label=t(k::HEALTH_FORM_KIND)
                    choices=kind_choices()
                    value=kind_word
                    problem=problem("kind")
                />
            })}
            <TextField
                id="entry-title"
                label=t(k::HEALTH_FORM_TITLE)
                hint=t(if pa { k::HEALTH_FORM_TITLE_HINT_PA } else { k::HEALTH_FORM_TITLE_HINT })
                value=title
                problem=problem("title")
            />
            <DateField id="entry-date" label=t(k::HEALTH_FORM_DATE) value=date problem=problem("date")/>
            {move || kind.get().and_then(|k| extra_field(k).map(|f| (k, f))).map(|(k, (name, label))| {
                if k == HealthKind::Allergy {
                    view! { <SelectField id="entry-severity" label=label choices=severities() value=extra problem=problem(name)/> }.into_any()
                } else {
                    let input_kind = if name == "phone" { "tel" } else { "text" };
                    view! { <TextField id="entry-extra" label=label kind=input_kind value=extra problem=problem(name)/> }.into_any()
                }
            })}
            <TextArea id="entry-details" label=t(k::HEALTH_FORM_DETAILS) value=details problem=problem("details")/>
            <TextField
                id="entry-source"
                label=t(if pa { k::HEALTH_FORM_SOURCE_PA } else { k::HEALTH_FORM_SOURCE })
                hint=t(if pa { k::HEALTH_FORM_SOURCE_HINT_PA } else { k::HEALTH_FORM_SOURCE_HINT })
                value=source
                problem=problem("source")
            />
            {edit.is_none().then(|| view! {
                <RadioGroup
                    name="entry-see"
                    legend=t(k::HEALTH_FORM_WHO_CAN_SEE)
                    choices=visibilities
                    value=visibility
                    problem=problem("visibility")
                />
            })}
            <div class="health-form__actions">
                <button type="submit" class="button" disabled=move || save.saving()>
                    {t(if edit.is_some() { k::HEALTH_FORM_SAVE_CHANGES } else { k::HEALTH_FORM_SAVE })}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| cancel.run(())>
                        {t(k::HEALTH_FORM_CANCEL)}
                    </button>
                })}
            </div>
        </form>
    }
}

/// The PA's words for who sees it: "they" rather than "me".
fn pa_label(v: Visibility) -> &'static str {
    t(match v {
        Visibility::MeOnly => k::HEALTH_FORM_PA_SEE_ME_ONLY,
        Visibility::MyPa => k::HEALTH_FORM_PA_SEE_MY_PA,
        Visibility::MyPaAndHealth => k::HEALTH_FORM_PA_SEE_MY_PA_AND_HEALTH,
    })
}
