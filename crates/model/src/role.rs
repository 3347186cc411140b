//! Who is signed in, as far as permissions go: a leaf every feature's field
//! rules use, so that no feature needs `auth` (which needs `council`, which
//! needs `people`) just to say who may write a field.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    YoungPerson,
    Advisor,
    Manager,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::YoungPerson => "young_person",
            Role::Advisor => "advisor",
            Role::Manager => "manager",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Role::YoungPerson, Role::Advisor, Role::Manager].into_iter().find(|r| r.as_str() == s)
    }

    pub fn is_staff(self) -> bool {
        !matches!(self, Role::YoungPerson)
    }
}

/// The app's pages that only staff open. They are built apart from the young
/// person's app (docs/decisions/0008-staff-build.md): the server answers these
/// addresses with the staff build's page, every other address with the young
/// person's. public/sw.js keeps the same list.
pub const STAFF_PAGES: [&str; 2] = ["/caseload", "/council"];

/// Whether `path` is one of `STAFF_PAGES` or below one.
pub fn is_staff_page(path: &str) -> bool {
    STAFF_PAGES.iter().any(|p| path.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

/// A set of roles, for "who may write this field" tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles(u8);

impl Roles {
    pub const NONE: Roles = Roles(0);
    pub const YOUNG_PERSON: Roles = Roles(1);
    pub const ADVISOR: Roles = Roles(2);
    pub const MANAGER: Roles = Roles(4);
    /// The PA and the council's team.
    pub const STAFF: Roles = Roles(2 | 4);
    pub const ANYONE: Roles = Roles(1 | 2 | 4);

    pub const fn or(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }

    pub const fn contains(self, role: Role) -> bool {
        let bit = match role {
            Role::YoungPerson => 1,
            Role::Advisor => 2,
            Role::Manager => 4,
        };
        self.0 & bit != 0
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn staff_pages_are_the_caseload_and_council_and_below_them() {
        assert!(is_staff_page("/caseload"));
        assert!(is_staff_page("/caseload/0190c3f0-aaaa"));
        assert!(is_staff_page("/council"));
        assert!(!is_staff_page("/"));
        assert!(!is_staff_page("/caseloads"));
        assert!(!is_staff_page("/offer"));
        assert!(!is_staff_page("/health/caseload"));
    }

    use super::*;

    #[test]
    fn staff_is_everyone_but_the_young_person() {
        assert!(!Roles::STAFF.contains(Role::YoungPerson));
        assert!(Roles::STAFF.contains(Role::Advisor) && Roles::STAFF.contains(Role::Manager));
        let yp_or_pa = Roles::YOUNG_PERSON.or(Roles::ADVISOR);
        assert!(yp_or_pa.contains(Role::Advisor) && !yp_or_pa.contains(Role::Manager));
    }
}
