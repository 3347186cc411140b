//! Meeting: a PA meeting a young person (decision 0011).
//!
//! - Her side (both builds): "What we agreed" (`agreed`), each meeting's
//!   summary in the words her PA wrote for her, and when her next catch-up
//!   is due (`catch_up`, shown on Home).
//! - The PA's side (staff build only, `pa`): the meeting itself, with its
//!   agenda, ticks, notes and agreed actions, written as records through
//!   the sync engine so it works offline; and recording other contacts.
//!
//! The pure part of her side lives here: reading her actions and contact
//! records from the phone's store, and the words for who is doing what.
//! The young person's wasm is on a size budget (issue 12), so her pages
//! share these few helpers and keep their words in one place.

mod agreed;
mod catch_up;
#[cfg(feature = "staff")]
pub mod pa;

use std::collections::BTreeMap;

use pathway_model::meeting::action::{ActionOwner, AgreedAction};
use pathway_model::meeting::contact::Contact;
use pathway_model::order::sort_by_key;
use pathway_model::people::MyPa;
use pathway_model::sync::replica::LocalRecord;
use uuid::Uuid;

use crate::i18n::{k, t, tf};

pub use agreed::AgreedPage;
pub use catch_up::CatchUp;

type Records = BTreeMap<Uuid, LocalRecord>;

/// Her PA's first name ("Sam"), or "your PA" when none is linked.
pub fn pa_first(my_pa: Option<MyPa>) -> String {
    my_pa
        .and_then(|p| p.advisor)
        .and_then(|a| a.name.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| t(k::MEETING_YOUR_PA).to_string())
}

/// "Sam" -> "Sam", "your PA" -> "Your PA": the start of a sentence. ASCII
/// only on purpose: `char::to_uppercase` brings a 12 KB Unicode table into
/// the wasm, and a name that starts with another letter is already written
/// as its owner writes it.
fn upper_first(s: &str) -> String {
    let mut s = s.to_string();
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// Every agreed action on the phone, soonest first.
pub fn actions(records: &Records) -> Vec<(Uuid, AgreedAction)> {
    let mut all: Vec<(Uuid, AgreedAction)> = records
        .values()
        .filter(|r| r.entity == AgreedAction::KIND)
        .filter_map(|r| AgreedAction::from_fields(&r.fields).map(|a| (r.id, a)))
        .collect();
    sort_by_key(&mut all, |(_, a)| a.by_when.clone());
    all
}

/// How many of her own actions are not done yet (the count on Home).
pub fn open_count(records: &Records) -> usize {
    actions(records).iter().filter(|(_, a)| a.owner == ActionOwner::YoungPerson && !a.done).count()
}

/// Who does an action, as a heading: "For you to do", "Sam is doing this",
/// "Housing team is doing this".
pub fn doer(action: &AgreedAction, pa: &str) -> String {
    match action.owner {
        ActionOwner::YoungPerson => t(k::MEETING_FOR_YOU_TO_DO).to_string(),
        ActionOwner::Advisor => tf(k::MEETING_DOING_THIS, &[("name", &upper_first(pa))]),
        ActionOwner::SomeoneElse => {
            tf(k::MEETING_DOING_THIS, &[("name", action.owner_name.as_deref().unwrap_or(t(k::MEETING_SOMEONE_ELSE)))])
        }
    }
}

/// Her actions first, then her PA's, then anyone else's by name; each
/// group soonest first: (heading, action ids).
pub fn groups(actions: Vec<(Uuid, AgreedAction)>, pa: &str) -> Vec<(String, Vec<Uuid>)> {
    let mut actions = actions;
    sort_by_key(&mut actions, |(_, a)| (a.owner as u8, a.owner_name.clone()));
    let mut out: Vec<(String, Vec<Uuid>)> = Vec::new();
    for (id, a) in actions {
        let heading = doer(&a, pa);
        match out.last_mut() {
            Some((h, ids)) if *h == heading => ids.push(id),
            _ => out.push((heading, vec![id])),
        }
    }
    out
}

/// Every contact record, newest first (attempts too).
pub fn contacts(records: &Records) -> Vec<Contact> {
    let mut all: Vec<Contact> = records
        .values()
        .filter(|r| r.entity == Contact::KIND)
        .filter_map(|r| Contact::from_fields(&r.fields))
        .collect();
    all.reverse();
    // Reversed first, so contacts of the same day keep newest-written first.
    sort_by_key(&mut all, |c| std::cmp::Reverse(c.date.clone()));
    all
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::meeting::action::AgreedActionChange;
    use pathway_model::meeting::contact::{ContactChange, ContactHow};
    use pathway_model::people::ContactCard;
    use pathway_model::record::Fields;

    fn record(kind: pathway_model::record::EntityKind, fields: Fields) -> LocalRecord {
        LocalRecord { entity: kind, id: Uuid::now_v7(), owner_id: None, version: Some(1), fields, pending: false }
    }

    fn action(what: &str, owner: ActionOwner, name: Option<&str>, by: &str, done: bool) -> LocalRecord {
        let f = AgreedActionChange {
            what: Some(what.into()),
            owner: Some(owner),
            owner_name: Some(name.map(str::to_string)),
            by_when: Some(by.into()),
            done: Some(done),
            ..Default::default()
        };
        record(AgreedAction::KIND, f.into_fields())
    }

    fn contact(date: &str, how: ContactHow) -> LocalRecord {
        let f = ContactChange { date: Some(date.into()), how: Some(how), ..Default::default() };
        record(Contact::KIND, f.into_fields())
    }

    fn store(rs: Vec<LocalRecord>) -> Records {
        rs.into_iter().map(|r| (r.id, r)).collect()
    }

    fn pa(name: &str) -> MyPa {
        let card = |n: &str| ContactCard {
            name: n.into(),
            role_label: String::new(),
            phone: None,
            email: None,
            text: None,
            hours: None,
        };
        MyPa { advisor: Some(card(name)), leaving_care_team: card("Team") }
    }

    #[test]
    fn her_pa_is_named_by_first_name() {
        assert_eq!(pa_first(Some(pa("Sam Okafor"))), "Sam");
        assert_eq!(pa_first(None), "your PA");
    }

    #[test]
    fn actions_group_hers_first_then_her_pa_then_others_by_name() {
        let rs = store(vec![
            action("Call housing", ActionOwner::Advisor, None, "2026-12-10", false),
            action("Send the form", ActionOwner::SomeoneElse, Some("Housing team"), "2026-12-01", false),
            action("Bring payslips", ActionOwner::YoungPerson, None, "2026-12-15", false),
            action("Open a bank account", ActionOwner::YoungPerson, None, "2026-12-05", true),
        ]);
        let all = actions(&rs);
        let what = |id: &Uuid| all.iter().find(|(i, _)| i == id).unwrap().1.what.clone();
        let g = groups(all.clone(), "Sam");
        let headings: Vec<&str> = g.iter().map(|(h, _)| h.as_str()).collect();
        assert_eq!(headings, ["For you to do", "Sam is doing this", "Housing team is doing this"]);
        // Soonest first within her group.
        assert_eq!(g[0].1.iter().map(what).collect::<Vec<_>>(), ["Open a bank account", "Bring payslips"]);
        assert_eq!(doer(&all[0].1, "your PA"), "Housing team is doing this");
        assert_eq!(groups(all.clone(), "your PA")[1].0, "Your PA is doing this");
        // Only her own, not yet done, count on Home.
        assert_eq!(open_count(&rs), 1);
    }

    #[test]
    fn meetings_read_newest_first() {
        let rs = store(vec![
            contact("2026-10-01", ContactHow::InPerson),
            contact("2026-11-20", ContactHow::Missed),
            contact("2026-11-02", ContactHow::Phone),
        ]);
        let dates: Vec<String> = contacts(&rs).into_iter().map(|c| c.date).collect();
        assert_eq!(dates, ["2026-11-20", "2026-11-02", "2026-10-01"]);
    }
}
