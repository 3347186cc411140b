//! `/caseload/:person_id/meeting`: a PA meets a young person, on a laptop
//! or tablet, often in a café with no signal. The agenda on one side, what
//! was agreed and the record of the meeting on the other. "End meeting"
//! writes the contact, each action and the topics talked about, together,
//! through the phone's store (so it works offline and syncs later).

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::meeting::action::AgreedAction;
use pathway_model::meeting::contact::Contact;
use pathway_model::record::{EntityKind, Fields};
use pathway_model::topic::TopicChange;
use uuid::Uuid;

use super::actions_form::ActionsColumn;
use super::agenda::{Item, discussed_line};
use super::agenda_view::{AgendaColumn, Marks, use_agenda};
use super::contact_fields::{ContactFields, ContactForm};
use super::draft::{ActionDraft, action_fields, contact_fields};
use super::kept;
use super::overview::{AboutHer, load_overview, person_id_param};
use crate::router::{Step, use_location};
use crate::store::engine;
use crate::ui::form::{ErrorSummary, focus_summary};

#[component]
pub fn MeetingPage() -> impl IntoView {
    let overview = load_overview(person_id_param());
    view! {
        <div class="staff-wide">
            <AboutHer remote=overview title="Meeting" what="this page" let:p>
                <Meeting person_id=p.person_id first_name=p.first_name/>
            </AboutHer>
        </div>
    }
}

/// One record the meeting writes.
struct Put {
    kind: EntityKind,
    id: Uuid,
    fields: Fields,
    /// The young person, for a record the PA makes for her.
    owner: Option<Uuid>,
}

/// Everything the meeting writes, checked; or what to fix first.
fn meeting_puts(
    person_id: Uuid,
    form: &ContactForm,
    agenda: &[Item],
    marks: Marks,
    actions: &[(Uuid, ActionDraft)],
) -> Result<Vec<Put>, Vec<&'static str>> {
    let today = crate::clock::today();
    let talked: Vec<&Item> = agenda.iter().filter(|i| marks.of(i.key).talked.get_untracked()).collect();
    let discussed = talked
        .iter()
        .map(|i| discussed_line(&i.title, &marks.of(i.key).notes.get_untracked()))
        .collect::<Vec<_>>()
        .join("\n");
    let contact_id = Uuid::now_v7();
    let contact = contact_fields(&form.draft(), Some(discussed), today).map_err(|p| {
        form.problems.set(p);
        p.all()
    })?;
    form.problems.set(Default::default());
    let mut puts = vec![Put { kind: Contact::KIND, id: contact_id, fields: contact, owner: Some(person_id) }];
    for (id, a) in actions {
        let fields = action_fields(a, Some(contact_id), today)
            .map_err(|_| vec!["An action needs changing: remove it and add it again."])?;
        puts.push(Put { kind: AgreedAction::KIND, id: *id, fields, owner: Some(person_id) });
    }
    for topic in talked.iter().filter_map(|i| i.topic) {
        let tick = TopicChange { talked_about: Some(true), ..Default::default() };
        puts.push(Put { kind: TopicChange::KIND, id: topic, fields: tick.into_fields(), owner: None });
    }
    Ok(puts)
}

#[component]
fn Meeting(person_id: Uuid, first_name: String) -> impl IntoView {
    let agenda = use_agenda(person_id);
    let marks = Marks::new();
    let actions = RwSignal::new(Vec::<(Uuid, ActionDraft)>::new());
    let form = ContactForm::new("in_person");
    let problems = RwSignal::new(Vec::<&'static str>::new());
    let saving = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let location = use_location();
    // Back from another page mid-meeting: carry on where it was left.
    if let Some(k) = kept::kept(person_id) {
        for (key, talked, notes) in k.marks {
            let m = marks.of(key);
            m.talked.set(talked);
            m.notes.set(notes);
        }
        actions.set(k.actions);
        form.restore(k.contact);
    }
    Effect::new(move |_| {
        let draft = kept::Kept { marks: marks.tracked(), actions: actions.get(), contact: form.tracked() };
        kept::keep(person_id, draft);
    });
    let end = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let checked =
            agenda.with_untracked(|a| actions.with_untracked(|acts| meeting_puts(person_id, &form, a, marks, acts)));
        let puts = match checked {
            Ok(p) => p,
            Err(words) => {
                problems.set(words);
                focus_summary(summary);
                return;
            }
        };
        problems.set(Vec::new());
        saving.set(true);
        let navigate = location;
        spawn_local(async move {
            // One change to the store, one transaction on disk: the meeting
            // is saved whole or not at all.
            let done = engine::settle(move |r| {
                for p in puts {
                    match p.owner {
                        Some(owner) => r.put_for(p.kind, p.id, p.fields, owner),
                        None => r.put(p.kind, p.id, p.fields),
                    };
                }
            })
            .await;
            saving.try_set(false);
            match done {
                Ok(()) => {
                    kept::forget();
                    navigate.navigate(&format!("/caseload/{person_id}?saved=meeting"), Step::Add)
                }
                Err(e) => {
                    problems.try_set(vec![e.words()]);
                }
            }
        });
    };
    let all_problems = Signal::derive(move || problems.get());
    view! {
        <h1>{format!("Meeting with {first_name}")}</h1>
        <div class="meeting">
            <AgendaColumn agenda=agenda marks=marks first_name=first_name.clone()/>
            <div class="meeting__side">
                <ActionsColumn actions=actions first_name=first_name.clone()/>
                <form class="card form" on:submit=end novalidate aria-labelledby="record-heading">
                    <h2 id="record-heading">"The record of this meeting"</h2>
                    <ErrorSummary problems=all_problems node_ref=summary/>
                    <ContactFields form=form first_name=first_name.clone() missed=false/>
                    <button type="submit" class="button" disabled=move || saving.get()>"End meeting"</button>
                    <p class="hint">"This saves the meeting on this device. It goes to Pathway when you are online."</p>
                </form>
            </div>
        </div>
    }
}
