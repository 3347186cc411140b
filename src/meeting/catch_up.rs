//! On Home: when her next catch-up with her PA is due (once there has been
//! a contact; before that, that her PA will arrange it), and the way to "What we agreed" with how many of her own
//! actions are still to do. From the phone's store: works offline.

use chrono::NaiveDate;
use leptos::prelude::*;
use pathway_model::meeting::rhythm::Rhythm;
use pathway_model::people::MyPa;

use super::{contacts, open_count, pa_first, upper_first};
use crate::clock;
use crate::i18n::{k, t, tf, tp};
use crate::plan::review;
use crate::router::A;
use crate::state::use_app;
use crate::store::use_sync;
use crate::words::readable_date;

/// When the next catch-up is due, if she has had one: (due, overdue).
fn due(rs: &super::Records, person: uuid::Uuid, today: NaiveDate) -> Option<(NaiveDate, bool)> {
    let rhythm = Rhythm::work_out(&contacts(rs), Some(&review(rs, person).0), today);
    rhythm.last_contact.map(|_| (rhythm.contact_due, rhythm.contact_overdue(today)))
}

/// What Home says about the next catch-up.
pub fn due_words(due: NaiveDate, overdue: bool, pa: &str) -> String {
    if overdue {
        tf(k::MEETING_CATCH_UP_SOON, &[("name", &upper_first(pa))])
    } else {
        tf(k::MEETING_BY_DATE, &[("date", &readable_date(due))])
    }
}

#[component]
pub fn CatchUp(my_pa: RwSignal<Option<MyPa>>) -> impl IntoView {
    let state = use_app();
    let sync = use_sync();
    let pa = move || pa_first(my_pa.get());
    let next = Memo::new(move |_| {
        let person = state.me()?.person_id;
        sync.records.with(|rs| due(rs, person, clock::today()))
    });
    let open = Memo::new(move |_| sync.records.with(open_count));
    // The card is there from the first frame, its line kept one line tall
    // while the phone's records load: a card that arrived late pushed
    // Things to talk about down (a layout shift of 0.13, which cost five
    // points of Lighthouse's score on Home).
    let line = move || match (next.get(), sync.ready.get()) {
        (Some((day, overdue)), _) => due_words(day, overdue, &pa()),
        (None, true) => tf(k::MEETING_CATCH_UP_WILL_ARRANGE, &[("name", &upper_first(&pa()))]),
        (None, false) => "\u{a0}".to_string(),
    };
    view! {
        <section class="card" aria-labelledby="catch-up-heading">
            <h2 id="catch-up-heading">{move || tf(k::MEETING_CATCH_UP_HEADING, &[("name", &pa())])}</h2>
            <p>{line}</p>
        </section>
        <p class="plan-link">
            <A href="/agreed">{t(k::MEETING_AGREED_TITLE)}</A>
            {move || match open.get() {
                0 => String::new(),
                n => format!(" {}", tp(k::MEETING_CATCH_UP_TO_DO, u32::try_from(n).unwrap_or(u32::MAX), &[])),
            }}
        </p>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_next_catch_up_reads_as_a_date_or_a_gentle_line() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        assert_eq!(due_words(d, false, "Sam"), "By 15 January 2027");
        assert_eq!(due_words(d, true, "Sam"), "Sam should be in touch soon.");
        assert_eq!(due_words(d, true, "your PA"), "Your PA should be in touch soon.");
    }
}
