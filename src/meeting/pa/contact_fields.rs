//! The fields of a contact record, shared by the meeting and the "Record a
//! contact" form: date, how, where, who was there, what we talked about
//! (written for her), her own words, and when the next contact is due.

use leptos::prelude::*;
use pathway_model::meeting::contact::{self, ContactHow};

use super::draft::{ContactDraft, ContactProblems};
use crate::ui::form::{DateField, RadioGroup, TextField};

/// What is typed so far.
#[derive(Debug, Clone, Copy)]
pub struct ContactForm {
    pub date: RwSignal<String>,
    pub how: RwSignal<String>,
    pub place: RwSignal<String>,
    pub present: RwSignal<String>,
    pub summary: RwSignal<String>,
    pub her_words: RwSignal<String>,
    pub next_due: RwSignal<String>,
    pub problems: RwSignal<ContactProblems>,
}

impl ContactForm {
    /// Dated today; `how` as given ("" makes the PA choose).
    pub fn new(how: &str) -> Self {
        let s = |v: String| RwSignal::new(v);
        ContactForm {
            date: s(crate::clock::today().format("%Y-%m-%d").to_string()),
            how: s(how.to_string()),
            place: s(String::new()),
            present: s(String::new()),
            summary: s(String::new()),
            her_words: s(String::new()),
            next_due: s(String::new()),
            problems: RwSignal::new(ContactProblems::default()),
        }
    }

    /// Puts back what was typed before (a meeting left and come back to).
    pub fn restore(&self, d: ContactDraft) {
        self.date.set(d.date);
        self.how.set(d.how);
        self.place.set(d.place);
        self.present.set(d.present);
        self.summary.set(d.summary);
        self.her_words.set(d.her_words);
        self.next_due.set(d.next_due);
    }

    /// What is typed now; read in an effect, it tracks every field.
    pub fn tracked(&self) -> ContactDraft {
        ContactDraft {
            date: self.date.get(),
            how: self.how.get(),
            place: self.place.get(),
            present: self.present.get(),
            summary: self.summary.get(),
            her_words: self.her_words.get(),
            next_due: self.next_due.get(),
        }
    }

    pub fn draft(&self) -> ContactDraft {
        ContactDraft {
            date: self.date.get_untracked(),
            how: self.how.get_untracked(),
            place: self.place.get_untracked(),
            present: self.present.get_untracked(),
            summary: self.summary.get_untracked(),
            her_words: self.her_words.get_untracked(),
            next_due: self.next_due.get_untracked(),
        }
    }
}

/// The fields. `missed`: offer "Tried to get in touch" (not in a meeting).
#[component]
pub fn ContactFields(form: ContactForm, first_name: String, missed: bool) -> impl IntoView {
    let p = form.problems;
    let problem = move |pick: fn(&ContactProblems) -> Option<&'static str>| Signal::derive(move || p.with(pick));
    let choices: Vec<(&'static str, &'static str)> =
        ContactHow::ALL.into_iter().filter(|h| missed || h.reached()).map(|h| (h.as_str(), h.words())).collect();
    view! {
        <DateField id="contact-date" label="Date" value=form.date problem=problem(|p| p.date)/>
        <RadioGroup name="contact-how" legend="How were you in touch?" choices=choices value=form.how problem=problem(|p| p.how)/>
        <TextField id="contact-place" label="Where" value=form.place max=contact::PLACE_MAX autocomplete="off"/>
        <TextField
            id="contact-present"
            label="Who was there"
            hint="Anyone besides the two of you."
            value=form.present
            max=contact::PRESENT_MAX
            autocomplete="off"
        />
        <Area
            id="contact-summary"
            label="What we talked about".to_string()
            hint=format!("{first_name} will read this, so write it for {first_name}.")
            value=form.summary
            max=contact::SUMMARY_MAX
            rows=5
            problem=problem(|p| p.text)
        />
        <Area
            id="contact-her-words"
            label=format!("{first_name}'s own words")
            hint=format!("Only if {first_name} wants them written down.")
            value=form.her_words
            max=contact::HER_WORDS_MAX
            rows=3
            problem=Signal::derive(|| None)
        />
        <DateField
            id="contact-next-due"
            label="Next contact due"
            hint="Leave it empty to keep the usual gap between contacts."
            value=form.next_due
            problem=problem(|p| p.next_due)
        />
    }
}

/// A text area whose hint names her (`ui::form::TextArea` takes fixed
/// hints); wired the same way: label, hint, problem, describedby.
#[component]
fn Area(
    id: &'static str,
    label: String,
    hint: String,
    value: RwSignal<String>,
    max: usize,
    rows: u32,
    problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <p class="error-message" id=problem_id.clone()>{move || problem.get()}</p>
            <textarea
                id=id
                rows=rows
                maxlength=max.to_string()
                aria-describedby=format!("{hint_id} {problem_id}")
                aria-invalid=move || problem.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
