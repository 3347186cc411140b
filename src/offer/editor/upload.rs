//! Uploading an ORUK file: read in the browser, sent as the new draft, and
//! answered with what it would add, change and retire. Nothing young people
//! see changes until the manager publishes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pathway_model::offer::editor::ChangeSummary;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{ChangeList, change_count, refused_words};
use crate::api::offer_editor;

/// The largest file read: the server takes up to 2 MiB.
const MAX_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

async fn file_text(input: &web_sys::HtmlInputElement) -> Result<String, &'static str> {
    let file = input.files().and_then(|f| f.get(0)).ok_or("Choose a file first.")?;
    if file.size() > MAX_BYTES {
        return Err("That file is too big. An offer file can be up to 2 MB.");
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| "That file could not be read. Try again.")?;
    text.as_string().ok_or("That file could not be read. Try again.")
}

/// `result` belongs to the page: the draft reloads after an upload, and
/// what the file would change must outlive that.
#[component]
pub fn Upload(on_done: Callback<()>, result: RwSignal<Option<ChangeSummary>>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let sending = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<String>::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(el) = input.get_untracked() else { return };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        sending.set(true);
        result.set(None);
        spawn_local(async move {
            let outcome = match file_text(&el).await {
                Err(words) => Err(vec![words.to_string()]),
                Ok(text) => match serde_json::from_str::<serde_json::Value>(&text) {
                    Err(_) => Err(vec!["That file is not an ORUK file: it is not JSON.".to_string()]),
                    Ok(upload) => offer_editor::import(&upload).await.map_err(|r| refused_words(&r)),
                },
            };
            match outcome {
                Ok(summary) => {
                    problems.try_set(Vec::new());
                    result.try_set(Some(summary));
                    on_done.run(());
                }
                Err(words) => {
                    problems.try_set(words);
                }
            }
            sending.try_set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="upload-heading">
            <h2 id="upload-heading">"Upload an ORUK file"</h2>
            <form class="form" on:submit=on_submit novalidate>
                <div class="field">
                    <label for="offer-upload">"The ORUK file"</label>
                    <p class="hint" id="offer-upload-hint">
                        "An Open Referral UK list of services, as JSON. It becomes your draft: you see what it would change before you publish."
                    </p>
                    <input id="offer-upload" type="file" accept=".json,application/json" node_ref=input
                        aria-describedby="offer-upload-hint"/>
                </div>
                <button type="submit" class="button button--secondary" disabled=move || sending.get()>"Upload and check"</button>
            </form>
            <div class="error-summary" role="alert" hidden=move || problems.with(Vec::is_empty)>
                <h3 class="error-summary__title">"Nothing was changed. The file has these problems:"</h3>
                <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
            {move || result.get().map(|s| view! {
                <div class="notice" role="status">
                    <p>{format!("The file is now your draft ({}). Check it below, then publish.", change_count(&s))}</p>
                    <ChangeList summary=s/>
                </div>
            })}
        </section>
    }
}
