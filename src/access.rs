//! Which pages each role may open, and where each role starts. Used by the
//! shell to redirect and by pages that link across roles. Pure, with tests.

use pathway_model::auth::{Role, SecondFactor};

use crate::state::Who;

/// Where each role starts.
pub fn landing_path(role: Role) -> &'static str {
    match role {
        Role::YoungPerson => "/",
        Role::Advisor => "/caseload",
        Role::Manager => "/council",
    }
}

/// Which pages a role may open. Anything else sends them to their landing
/// page: the server refuses the data anyway, this only avoids a dead end.
/// Everyone may read their council's offer.
pub fn may_open(role: Role, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    if path == "/offer" || path.starts_with("/offer/") {
        return true;
    }
    match role {
        Role::YoungPerson => {
            matches!(path, "" | "/offer" | "/health" | "/people" | "/plan" | "/me" | "/me/who-looked" | "/agreed")
                || path.starts_with("/health/")
        }
        // Staff have Me too, for their passphrase and where they're signed in.
        Role::Advisor => path == "/caseload" || path.starts_with("/caseload/") || path == "/me",
        Role::Manager => path == "/council" || path.starts_with("/council/") || path == "/me",
    }
}

/// Where to send someone who is on `path`, if anywhere.
pub fn redirect_for(who: &Who, path: &str) -> Option<&'static str> {
    match who {
        Who::Checking | Who::NotKnown => None,
        Who::SignedOut => (path != "/login").then_some("/login"),
        // Staff who must still set up their second factor can do nothing
        // else: the sign-in page walks them through it.
        Who::SignedIn(me) if me.second_factor == SecondFactor::SetUpNeeded => (path != "/login").then_some("/login"),
        Who::SignedIn(me) => (!may_open(me.role, path)).then(|| landing_path(me.role)),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use pathway_model::auth::Me;
    use pathway_model::council::CouncilSummary;
    use uuid::Uuid;

    fn me(role: Role) -> Who {
        Who::SignedIn(Me {
            person_id: Uuid::nil(),
            first_name: "Jade".into(),
            last_name: "Example".into(),
            role,
            council: CouncilSummary { id: "liverpool".into(), name: "Liverpool".into(), sample_data: true },
            username: "jade".into(),
            second_factor: Default::default(),
            language: None,
        })
    }

    #[test]
    fn nobody_signed_in_goes_to_login_from_anywhere_but_login() {
        assert_eq!(redirect_for(&Who::SignedOut, "/"), Some("/login"));
        assert_eq!(redirect_for(&Who::SignedOut, "/caseload/123"), Some("/login"));
        assert_eq!(redirect_for(&Who::SignedOut, "/login"), None);
    }

    #[test]
    fn offline_and_still_checking_never_redirect() {
        assert_eq!(redirect_for(&Who::NotKnown, "/"), None);
        assert_eq!(redirect_for(&Who::Checking, "/me"), None);
    }

    #[test]
    fn each_role_lands_on_its_own_start_page() {
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/login"), Some("/"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/login"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Manager), "/"), Some("/council"));
    }

    #[test]
    fn deep_links_to_allowed_pages_are_kept() {
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/me"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/people/"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/plan"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/health/entry/0190"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/agreed"), None);
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/me/who-looked"), None);
        // Her audit trail is hers: staff are sent to their start page.
        assert_eq!(redirect_for(&me(Role::Advisor), "/me/who-looked"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/health/passport"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/caseload/0190"), None);
        assert_eq!(redirect_for(&me(Role::Manager), "/council"), None);
        assert_eq!(redirect_for(&me(Role::Manager), "/council/staff/new"), None);
        assert_eq!(redirect_for(&me(Role::Manager), "/councilx"), Some("/council"));
    }

    #[test]
    fn everyone_may_read_the_offer_and_its_items() {
        for role in [Role::YoungPerson, Role::Advisor, Role::Manager] {
            assert_eq!(redirect_for(&me(role), "/offer"), None);
            assert_eq!(redirect_for(&me(role), "/offer/higher-education-bursary"), None);
        }
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/offerx"), Some("/"));
    }

    #[test]
    fn roles_cannot_wander_into_each_others_pages() {
        assert_eq!(redirect_for(&me(Role::YoungPerson), "/caseload"), Some("/"));
        assert_eq!(redirect_for(&me(Role::Manager), "/caseload/1"), Some("/council"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/council"), Some("/caseload"));
        assert_eq!(redirect_for(&me(Role::Advisor), "/caseloadx"), Some("/caseload"));
    }

    #[test]
    fn staff_have_me_for_their_account() {
        assert_eq!(redirect_for(&me(Role::Advisor), "/me"), None);
        assert_eq!(redirect_for(&me(Role::Manager), "/me"), None);
    }

    #[test]
    fn staff_still_setting_up_a_second_factor_go_to_the_sign_in_page() {
        let Who::SignedIn(mut sam) = me(Role::Advisor) else { unreachable!() };
        sam.second_factor = SecondFactor::SetUpNeeded;
        let sam = Who::SignedIn(sam);
        assert_eq!(redirect_for(&sam, "/caseload"), Some("/login"));
        assert_eq!(redirect_for(&sam, "/me"), Some("/login"));
        let Who::SignedIn(mut sample) = me(Role::Manager) else { unreachable!() };
        sample.second_factor = SecondFactor::Optional;
        assert_eq!(redirect_for(&Who::SignedIn(sample), "/council"), None);
    }
}
