//! A meeting in progress survives the PA stepping away from it (to her
//! page, to check something) and coming back. Kept in memory only: never
//! on disk, gone when the meeting ends and on signing out (a page load).

use std::cell::RefCell;

use uuid::Uuid;

use super::draft::{ActionDraft, ContactDraft};

/// What was typed and ticked so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kept {
    /// Each agenda item's tick and notes.
    pub marks: Vec<(Uuid, bool, String)>,
    pub actions: Vec<(Uuid, ActionDraft)>,
    pub contact: ContactDraft,
}

thread_local! {
    /// One meeting at a time: the young person it is with, and its draft.
    static KEPT: RefCell<Option<(Uuid, Kept)>> = const { RefCell::new(None) };
}

/// The draft of a meeting with `person`, if one was left unfinished.
pub fn kept(person: Uuid) -> Option<Kept> {
    KEPT.with(|k| k.borrow().as_ref().filter(|(p, _)| *p == person).map(|(_, d)| d.clone()))
}

pub fn keep(person: Uuid, draft: Kept) {
    KEPT.with(|k| *k.borrow_mut() = Some((person, draft)));
}

/// The meeting ended: nothing to come back to.
pub fn forget() {
    KEPT.with(|k| *k.borrow_mut() = None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_comes_back_only_for_the_same_young_person_and_not_after_the_meeting_ends() {
        let jade = Uuid::from_u128(1);
        let draft = Kept { marks: vec![(Uuid::from_u128(9), true, "Has a budget".into())], ..Default::default() };
        keep(jade, draft.clone());
        assert_eq!(kept(jade), Some(draft));
        assert_eq!(kept(Uuid::from_u128(2)), None);
        forget();
        assert_eq!(kept(jade), None);
    }
}
