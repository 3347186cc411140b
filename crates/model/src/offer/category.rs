//! The areas a local offer must cover (Children and Social Work Act 2017),
//! plus money and moving on to adulthood.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    HealthWellbeing,
    Relationships,
    EducationTraining,
    Employment,
    Accommodation,
    Participation,
    Money,
    MovingOn,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Money,
        Category::Accommodation,
        Category::EducationTraining,
        Category::Employment,
        Category::HealthWellbeing,
        Category::Relationships,
        Category::Participation,
        Category::MovingOn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::HealthWellbeing => "health_wellbeing",
            Category::Relationships => "relationships",
            Category::EducationTraining => "education_training",
            Category::Employment => "employment",
            Category::Accommodation => "accommodation",
            Category::Participation => "participation",
            Category::Money => "money",
            Category::MovingOn => "moving_on",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The heading a young person sees.
    pub fn label(self) -> &'static str {
        match self {
            Category::HealthWellbeing => "Health and wellbeing",
            Category::Relationships => "Family, friends and relationships",
            Category::EducationTraining => "Education and training",
            Category::Employment => "Work and jobs",
            Category::Accommodation => "Somewhere to live",
            Category::Participation => "Having your say and getting involved",
            Category::Money => "Money",
            Category::MovingOn => "Moving on to adult life",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_round_trips_and_has_a_heading() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
            assert!(!c.label().is_empty());
        }
        assert_eq!(Category::parse("Money"), None);
    }
}
