use leptos::prelude::*;
use pathway_model::caseload::CaseloadEntry;

use super::due;
use crate::api;
use crate::clock;
use crate::router::A;
use crate::saved;
use crate::ui::load::Keep;
use crate::ui::{Loaded, SampleBadge, load};

#[component]
pub fn CaseloadPage() -> impl IntoView {
    // Kept on the laptop, so the caseload (and a meeting from it) opens
    // with no signal.
    let caseload = load(api::caseload, Some(Keep { read: saved::caseload, write: saved::set_caseload }));
    view! {
        <div class="staff-wide">
            <h1>"My caseload"</h1>
            <p><A href="/caseload/new" attr:class="button">"Register a young person"</A></p>
            <Loaded remote=caseload what="your caseload" let:people>
                {if people.is_empty() {
                    view! { <p>"Nobody is on your caseload yet."</p> }.into_any()
                } else {
                    view! {
                        <p class="hint">"Most overdue first."</p>
                        // Column names for the wide layout; each row still
                        // names its own facts for a screen reader.
                        <div class="caseload__head" aria-hidden="true">
                            <span>"Name"</span>
                            <span>"Age"</span>
                            <span>"Last contact"</span>
                            <span>"Next contact"</span>
                            <span>"Review"</span>
                        </div>
                        <ul class="caseload">
                            // In the server's order: most overdue first.
                            {people.into_iter().map(|person| view! { <CaseloadRow person=person/> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </Loaded>
        </div>
    }
}

/// One young person in the list; their name opens their page.
#[component]
fn CaseloadRow(person: CaseloadEntry) -> impl IntoView {
    let today = clock::today();
    let href = format!("/caseload/{}", person.person_id);
    let contact = due::contact(&person.rhythm, today);
    let review = due::review(&person.rhythm, today);
    view! {
        <li class="card caseload__row">
            <h2 class="caseload__name">
                <A href=href>{format!("{} {}", person.first_name, person.last_name)}</A>
                " "
                <SampleBadge sample_data=person.council.sample_data/>
            </h2>
            <dl class="caseload__facts">
                <div><dt>"Age"</dt><dd>{person.age}</dd></div>
                <div><dt>"Last contact"</dt><dd>{due::last_contact(&person.rhythm, today)}</dd></div>
                // The words say what they are: "Contact due 3 Feb".
                <div><dt class="visually-hidden">"Next contact"</dt><dd class:due--late=contact.late>{contact.words}</dd></div>
                <div><dt class="visually-hidden">"Review"</dt><dd class:due--late=review.late>{review.words}</dd></div>
            </dl>
        </li>
    }
}
