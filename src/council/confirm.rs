//! "Are you sure?" in plain words, under the button that asked: what will
//! happen, then "Yes, …" and "Cancel". It takes the focus when it
//! appears, so a screen reader reads what will happen first.

use leptos::prelude::*;

#[component]
pub fn Confirm(
    /// What will happen, in plain words.
    words: String,
    /// The "Yes" button's words: "Yes, disable Sam".
    yes: String,
    /// A red "Yes" button, for what stops someone working.
    #[prop(optional)]
    danger: bool,
    #[prop(into)] sending: Signal<bool>,
    on_yes: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="confirm" role="group" aria-label="Check before you go on" tabindex="-1" node_ref=panel>
            <p>{words}</p>
            <div class="actions">
                <button type="button" class="button" class:button--danger=danger
                    disabled=move || sending.get() on:click=move |_| on_yes.run(())>{yes}</button>
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}
