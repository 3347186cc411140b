//! Form parts: every field shows its label, hint and problem, and wires
//! `aria-describedby` (hint, then problem) and `aria-invalid` the same way,
//! so a screen reader always hears why a field is wrong. Every form uses
//! these; none writes its own `<input>` with a label.
//!
//! A field's problem is a `Signal<Option<&'static str>>`: the words come
//! from the feature's check (written for a young person), not from here.

use leptos::prelude::*;

use crate::i18n::{k, t};

/// The ids a field's hint and problem live under, and the
/// `aria-describedby` that names them.
fn described_by(id: &str, hint: bool) -> (String, String, String) {
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    let described = if hint { format!("{hint_id} {problem_id}") } else { problem_id.clone() };
    (hint_id, problem_id, described)
}

fn invalid(problem: Signal<Option<&'static str>>) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
    move || problem.get().map(|_| "true")
}

/// How the phone's keyboard behaves in a text box.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Keys {
    /// Ordinary words: the phone may add capitals and check spelling.
    #[default]
    Words,
    /// Typed exactly (a username, a code): no capitals, no spell check.
    Plain,
    /// Digits only (a PIN): the phone shows its number pad.
    Digits,
}

/// The label, hint and problem around a control. `class` adds the
/// feature's own block to the field (`lock__pin`).
#[component]
fn Field(
    #[prop(optional)] class: &'static str,
    id: String,
    label: Oco<'static, str>,
    hint: Option<&'static str>,
    hint_id: String,
    problem_id: String,
    problem: Signal<Option<&'static str>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=if class.is_empty() { "field".to_string() } else { format!("field {class}") }>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="error-message" id=problem_id>{move || problem.get()}</p>
            {children()}
        </div>
    }
}

/// A one-line text box. `kind` is the input type: "text", "tel", "email",
/// "search", "password".
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    /// Usually fixed words; `into`, so a label may also name what it is
    /// about ("Reply to: …").
    #[prop(into)]
    label: Oco<'static, str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    value: RwSignal<String>,
    #[prop(optional, into)] problem: Signal<Option<&'static str>>,
    /// Characters allowed: the model's limit for the field.
    #[prop(optional)]
    max: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] keys: Keys,
    /// For a page that puts the cursor in this box itself.
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Input>,
    /// The feature's block class for this field, if it styles it.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let input = Input { kind, max, autocomplete, keys, node_ref, class };
    text_input(id, label, hint, value, problem, input)
}

/// What makes one text box differ from another, past its words.
#[derive(Default)]
struct Input {
    kind: &'static str,
    max: Option<usize>,
    autocomplete: Option<&'static str>,
    keys: Keys,
    node_ref: NodeRef<leptos::html::Input>,
    class: &'static str,
}

/// A date: the browser's date picker, which gives `YYYY-MM-DD`.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    #[prop(optional, into)] problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    text_input(id, label.into(), hint, value, problem, Input { kind: "date", ..Input::default() })
}

fn text_input(
    id: String,
    label: Oco<'static, str>,
    hint: Option<&'static str>,
    value: RwSignal<String>,
    problem: Signal<Option<&'static str>>,
    input: Input,
) -> impl IntoView {
    let (hint_id, problem_id, described) = described_by(&id, hint.is_some());
    let Input { kind, max, autocomplete, keys, node_ref, class } = input;
    let plain = keys == Keys::Plain;
    let digits = keys == Keys::Digits;
    view! {
        <Field class=class id=id.clone() label=label hint=hint hint_id=hint_id problem_id=problem_id problem=problem>
            <input
                id=id.clone()
                type=kind
                node_ref=node_ref
                maxlength=max.map(|m| m.to_string())
                autocomplete=autocomplete
                autocapitalize=plain.then_some("none")
                spellcheck=plain.then_some("false")
                inputmode=digits.then_some("numeric")
                pattern=digits.then_some("[0-9]*")
                aria-describedby=described.clone()
                aria-invalid=invalid(problem)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </Field>
    }
}

/// A box for a few lines of words.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    /// As `TextField`'s: fixed words, or words naming what it is about.
    #[prop(into)]
    label: Oco<'static, str>,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    #[prop(optional, into)] problem: Signal<Option<&'static str>>,
    #[prop(optional)] max: Option<usize>,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let (hint_id, problem_id, described) = described_by(&id, hint.is_some());
    view! {
        <Field id=id.clone() label=label hint=hint hint_id=hint_id problem_id=problem_id problem=problem>
            <textarea
                id=id.clone()
                rows=rows
                maxlength=max.map(|m| m.to_string())
                aria-describedby=described.clone()
                aria-invalid=invalid(problem)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </Field>
    }
}

/// One choice of a `RadioGroup` or `SelectField`: the value sent, and the
/// words shown.
pub type Choice = (&'static str, &'static str);

/// A drop-down list.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    choices: Vec<Choice>,
    value: RwSignal<String>,
    #[prop(optional, into)] problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let (hint_id, problem_id, described) = described_by(&id, hint.is_some());
    view! {
        <Field id=id.clone() label=label.into() hint=hint hint_id=hint_id problem_id=problem_id problem=problem>
            <select
                id=id.clone()
                aria-describedby=described.clone()
                aria-invalid=invalid(problem)
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {choices.into_iter().map(|(v, words)| view! {
                    <option value=v selected=move || value.get() == v>{words}</option>
                }).collect_view()}
            </select>
        </Field>
    }
}

/// Radio buttons in a fieldset whose legend is the question.
#[component]
pub fn RadioGroup(
    /// The `name` of the radios, and the start of each one's id.
    #[prop(into)]
    name: String,
    /// The question; it may name the thing asked about.
    #[prop(into)]
    legend: String,
    #[prop(optional)] hint: Option<&'static str>,
    choices: Vec<Choice>,
    value: RwSignal<String>,
    #[prop(optional, into)] problem: Signal<Option<&'static str>>,
) -> impl IntoView {
    let (hint_id, problem_id, described) = described_by(&name, hint.is_some());
    view! {
        <fieldset class="radios" aria-describedby=described aria-invalid=invalid(problem)>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="error-message" id=problem_id>{move || problem.get()}</p>
            {choices.into_iter().map(|(v, words)| {
                let id = format!("{name}-{v}");
                view! {
                    <div class="radio">
                        <input type="radio" name=name.clone() id=id.clone() value=v
                            prop:checked=move || value.get() == v
                            on:change=move |_| value.set(v.to_string())/>
                        <label for=id>{words}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Moves focus to a form's error summary once the page shows it, so a
/// screen reader reads the problems first and the page scrolls up to them.
/// The change that fills the summary reaches the page a moment later (the
/// reactive system updates the page in a microtask), and a summary still
/// `hidden` cannot take focus: hence the next task, not now.
pub fn focus_summary(summary: NodeRef<leptos::html::Div>) {
    crate::ui::later::after_this_task(move || {
        // The form may be gone by then (she moved on).
        if let Some(el) = summary.try_get_untracked().flatten() {
            let _ = el.focus();
        }
    });
}

/// The list of problems at the top of a form, focused when it appears
/// (`node_ref`, through [`focus_summary`]), so a screen reader reads them first.
#[component]
pub fn ErrorSummary(problems: Signal<Vec<&'static str>>, node_ref: NodeRef<leptos::html::Div>) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex="-1" node_ref=node_ref hidden=move || problems.with(Vec::is_empty)>
            {move || problems.with(|ps| (!ps.is_empty()).then(|| view! {
                <h2 class="error-summary__title">{t(k::UI_FORM_ERROR_SUMMARY_TITLE)}</h2>
                <ul>{ps.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            }))}
        </div>
    }
}

/// A tick box with its words. `name_for_readers` is what a screen reader
/// says when the visible words alone are not enough in a list ("Done: Bus
/// pass"); `hint_id` names a hint the page shows beside it.
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(optional, into)] name_for_readers: Option<Signal<String>>,
    #[prop(optional)] hint_id: Option<&'static str>,
    #[prop(into)] checked: Signal<bool>,
    /// Told the new state when the person ticks or unticks it.
    on_change: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <span class="check">
            <input
                type="checkbox"
                id=id.clone()
                aria-label=move || name_for_readers.map(|n| n.get())
                aria-describedby=hint_id
                prop:checked=move || checked.get()
                on:change=move |ev| on_change(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </span>
    }
}
