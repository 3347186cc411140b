//! What the audit trail says to the young person it is about: one sentence
//! part per entry ("looked at your health entries and your plan"), for
//! "Who looked at my record" (`GET /me/record-views`) and her copy
//! (`GET /me/export`). The trail's `detail` holds record kinds and other
//! fixed words only, never anything anyone typed.

use std::collections::BTreeSet;

use pathway_model::sync::EntityKind;

use crate::db::audit::AuditAction;

/// The detail for an entry about some kinds of record: their names, sorted,
/// each once ("health_entry plan_section").
pub fn kinds_detail(kinds: impl IntoIterator<Item = EntityKind>) -> String {
    let names: BTreeSet<&str> = kinds.into_iter().map(EntityKind::as_str).collect();
    names.into_iter().collect::<Vec<_>>().join(" ")
}

/// Her records of a kind, as she calls them.
fn kind_words(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Topic => "your things to talk about",
        EntityKind::Entitlement => "what you are getting from the offer",
        EntityKind::HealthEntry => "your health entries",
        EntityKind::PlanSection | EntityKind::PlanComment | EntityKind::PlanReview => "your plan",
        EntityKind::ContactRequest => "your requests to keep in touch",
        EntityKind::UnsafeAlert => "your \"I feel unsafe\" alerts",
        EntityKind::Contact => "the notes of your meetings",
        EntityKind::AgreedAction => "what you agreed",
    }
}

/// What a change to one of her records of this kind did.
fn changed_words(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Topic => "changed one of your things to talk about",
        EntityKind::Entitlement => "changed what you are getting from the offer",
        EntityKind::HealthEntry => "changed one of your health entries",
        EntityKind::PlanSection | EntityKind::PlanComment | EntityKind::PlanReview => "changed your plan",
        EntityKind::ContactRequest => "answered your request to keep in touch",
        EntityKind::UnsafeAlert => "marked your \"I feel unsafe\" alert as seen",
        EntityKind::Contact => "wrote down a meeting with you",
        EntityKind::AgreedAction => "changed something you agreed",
    }
}

/// "a, b and c", each phrase once, in the order of `EntityKind::ALL`.
fn kinds_in_words(detail: Option<&str>) -> Option<String> {
    let named: Vec<EntityKind> = detail?.split_whitespace().filter_map(EntityKind::parse).collect();
    let mut phrases: Vec<&str> = Vec::new();
    for kind in EntityKind::ALL.into_iter().filter(|k| named.contains(k)) {
        let words = kind_words(kind);
        if !phrases.contains(&words) {
            phrases.push(words);
        }
    }
    match phrases.split_last()? {
        (last, []) => Some((*last).to_string()),
        (last, rest) => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// What an audit entry says someone did, in her words. `action` and
/// `detail` as stored; an entry written before details were kept gets the
/// general words.
pub fn did(action: &str, detail: Option<&str>) -> String {
    let Some(action) = AuditAction::parse(action) else {
        return "did something with your record".into();
    };
    let kinds = || kinds_in_words(detail);
    let one_kind = || detail.and_then(EntityKind::parse);
    match action {
        AuditAction::ViewedOverview => "looked at your details".into(),
        AuditAction::SyncedRecords => match kinds() {
            Some(k) => format!("looked at {k}"),
            None => "looked at your records".into(),
        },
        AuditAction::ChangedRecord => one_kind().map_or("changed one of your records", changed_words).into(),
        AuditAction::ViewedRequests => match kinds() {
            Some(k) => format!("saw {k}"),
            None => "saw your request or alert".into(),
        },
        AuditAction::ViewedCaseload => "saw your name on their list of young people".into(),
        AuditAction::ViewedOversight => "saw your name on the team's catch-up list".into(),
        AuditAction::ViewedYoungPeople => "saw your name on the council's list of young people".into(),
        AuditAction::SetContact => match detail {
            Some("social_worker") => "wrote down who your social worker is".into(),
            Some("iro") => "wrote down who your independent reviewing officer is".into(),
            _ => "wrote down who helps you".into(),
        },
        AuditAction::AddedAccount => "made your account".into(),
        AuditAction::IssuedCode => "made a new sign-in code for you".into(),
        AuditAction::EditedProfile => "changed your details".into(),
        AuditAction::DisabledAccount => "turned your account off".into(),
        AuditAction::EnabledAccount => "turned your account back on".into(),
        AuditAction::MovedToAdvisor => "changed who your personal advisor is".into(),
        AuditAction::EndedSession => "signed out one of your devices".into(),
        AuditAction::ChangedPassphrase => "changed your passphrase".into(),
        AuditAction::RedeemedCode => "used a sign-in code and chose a passphrase".into(),
        AuditAction::SetUpSecondFactor => "set up an authenticator app".into(),
        AuditAction::DownloadedCopy => "downloaded a copy of everything".into(),
        AuditAction::ClosedAccount => "closed your account".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pull_says_which_of_her_records_were_looked_at() {
        let detail = kinds_detail([EntityKind::PlanReview, EntityKind::HealthEntry, EntityKind::PlanSection]);
        assert_eq!(detail, "health_entry plan_review plan_section");
        assert_eq!(did("synced_records", Some(&detail)), "looked at your health entries and your plan");
        let three = kinds_detail([EntityKind::Topic, EntityKind::Contact, EntityKind::AgreedAction]);
        assert_eq!(
            did("synced_records", Some(&three)),
            "looked at your things to talk about, the notes of your meetings and what you agreed"
        );
        assert_eq!(did("synced_records", None), "looked at your records");
    }

    #[test]
    fn a_change_says_what_it_touched() {
        assert_eq!(did("changed_record", Some("agreed_action")), "changed something you agreed");
        assert_eq!(did("changed_record", Some("contact")), "wrote down a meeting with you");
        assert_eq!(did("changed_record", None), "changed one of your records");
        assert_eq!(did("viewed_overview", None), "looked at your details");
        assert_eq!(did("viewed_oversight", None), "saw your name on the team's catch-up list");
    }

    #[test]
    fn every_action_has_its_own_words() {
        for action in AuditAction::ALL {
            let words = did(action.as_str(), None);
            assert!(!words.contains('_'), "{action:?}: {words}");
            assert_ne!(words, "did something with your record", "{action:?}");
        }
    }
}
