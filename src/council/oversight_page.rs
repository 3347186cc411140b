//! `/council/oversight`, "Keeping in touch": what a manager needs to act
//! on. The council's totals, then one section per PA with five figures,
//! each opening to the names and dates behind it (most overdue first, as
//! the server sends them). No health detail; the server audits each name.

use leptos::prelude::*;
use pathway_model::meeting::oversight::{AdvisorOversight, Oversight, PersonDate};

use crate::api::staff;
use crate::router::A;
use crate::ui::{Loaded, load};
use crate::words::{self, readable_date};

/// The five figures: their name, and how a date behind one reads.
const FIGURES: [(&str, &str); 5] = [
    ("Contacts overdue", "due"),
    ("Reviews overdue", "due"),
    ("Not in touch for 90 days", "last contact"),
    ("Requests waiting", "asked"),
    ("Unsafe alerts waiting", "raised"),
];

/// "Jade Williams, due 3 March 2026"; "Kai Brown, last contact: never".
pub fn person_line(p: &PersonDate, what: &str) -> String {
    match p.date {
        Some(d) => format!("{}, {what} {}", p.name, readable_date(d)),
        None => format!("{}, {what}: never", p.name),
    }
}

fn lists(a: &AdvisorOversight) -> [&Vec<PersonDate>; 5] {
    let c = &a.concerns;
    [&c.contacts_overdue, &c.reviews_overdue, &c.out_of_touch, &c.open_requests, &c.unsafe_waiting]
}

#[component]
pub fn OversightPage() -> impl IntoView {
    let oversight = load(staff::keeping_in_touch, None);
    view! {
        <div class="staff-wide">
            <p class="back"><A href="/council">"Back to your council"</A></p>
            <h1>"Keeping in touch"</h1>
            <Loaded remote=oversight what="the figures" let:o>
                <Totals o=o.clone()/>
                {o.advisors.into_iter().enumerate().map(|(i, a)| view! { <AdvisorRow i=i advisor=a/> }).collect_view()}
            </Loaded>
        </div>
    }
}

#[component]
fn Totals(o: Oversight) -> impl IntoView {
    let figures = [o.contacts_overdue, o.reviews_overdue, o.out_of_touch, o.open_requests, o.unsafe_waiting];
    view! {
        <p>{format!("As of {}. Open a figure to see who is behind it.", readable_date(o.as_of))}</p>
        <section class="card" aria-labelledby="totals-heading">
            <h2 id="totals-heading">"The whole council"</h2>
            <p>{words::count(o.caseload, "young person", "young people")}</p>
            <ul class="oversight__totals">
                {FIGURES.iter().zip(figures).map(|((name, _), n)| view! {
                    <li class:oversight__warn=n != 0>
                        {*name}": "<span class="oversight__value">{n}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn AdvisorRow(i: usize, advisor: AdvisorOversight) -> impl IntoView {
    let heading = format!("pa-{i}-heading");
    let cells = FIGURES
        .iter()
        .zip(lists(&advisor))
        .map(|((name, what), people)| view! { <Figure name=name what=what people=people.clone()/> })
        .collect_view();
    view! {
        <section class="card oversight__row" aria-labelledby=heading.clone()>
            <div class="oversight__who">
                <h2 id=heading.clone()>{advisor.name.clone()}</h2>
                <p class="hint">{words::count(advisor.caseload, "young person", "young people")}</p>
            </div>
            {cells}
        </section>
    }
}

/// One figure, opening to its names and dates.
#[component]
fn Figure(name: &'static str, what: &'static str, people: Vec<PersonDate>) -> impl IntoView {
    let n = people.len();
    view! {
        <details class="oversight__figure" class:oversight__warn=n != 0>
            // "Contacts overdue: 1" reads right for any number.
            <summary>{name}": "<span class="oversight__value">{n}</span></summary>
            {if people.is_empty() {
                view! { <p class="hint">"Nobody."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {people.iter().map(|p| view! { <li>{person_line(p, what)}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use uuid::Uuid;

    #[test]
    fn each_name_reads_with_its_date_or_never() {
        let p = |date| PersonDate { person_id: Uuid::nil(), name: "Jade Williams".into(), date };
        assert_eq!(person_line(&p(NaiveDate::from_ymd_opt(2026, 3, 3)), "due"), "Jade Williams, due 3 March 2026");
        assert_eq!(person_line(&p(None), "last contact"), "Jade Williams, last contact: never");
    }
}
