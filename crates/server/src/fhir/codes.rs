//! The SNOMED CT codes we know for what people write: the UK schedule's
//! vaccines (as vaccine products, which UK Core's `vaccineCode` asks for),
//! common allergies and conditions. Found by the start of the entry's
//! title, without case; anything else goes with its words only, which
//! FHIR allows and a GP's system shows as written. Each code was checked
//! against published FHIR value sets (the WHO SMART immunization guide and
//! IPS), not guessed.

use pathway_model::health::HealthKind;

use super::types::Coding;

pub const SNOMED: &str = "http://snomed.info/sct";

/// (kind, title starts with, code, display).
const TABLE: &[(HealthKind, &str, &str, &str)] = &[
    (
        HealthKind::Immunisation,
        "5-in-1",
        "871887006",
        "Vaccine product containing only Bordetella pertussis and Clostridium tetani and Corynebacterium diphtheriae and Haemophilus influenzae type b and Human poliovirus antigens",
    ),
    (
        HealthKind::Immunisation,
        "pneumococcal",
        "836398006",
        "Vaccine product containing Streptococcus pneumoniae antigen",
    ),
    (
        HealthKind::Immunisation,
        "menc",
        "871866001",
        "Vaccine product containing only Neisseria meningitidis serogroup C antigen",
    ),
    (
        HealthKind::Immunisation,
        "mmr",
        "871831003",
        "Vaccine product containing only Measles morbillivirus and Mumps orthorubulavirus and Rubella virus antigens",
    ),
    (HealthKind::Immunisation, "hpv", "836379009", "Vaccine product containing Human papillomavirus antigen"),
    (
        HealthKind::Immunisation,
        "menacwy",
        "871873006",
        "Vaccine product containing only Neisseria meningitidis serogroup A, C, W135 and Y antigens",
    ),
    (HealthKind::Allergy, "penicillin", "91936005", "Allergy to penicillin"),
    (HealthKind::Allergy, "peanut", "91935009", "Allergy to peanut"),
    (HealthKind::Condition, "asthma", "195967001", "Asthma"),
    (HealthKind::Condition, "eczema", "43116000", "Eczema"),
    (HealthKind::FamilyHistory, "asthma", "195967001", "Asthma"),
    (HealthKind::FamilyHistory, "type 2 diabetes", "44054006", "Diabetes mellitus type 2"),
];

/// The code for an entry of this kind with this title, if we know one.
pub fn snomed(kind: HealthKind, title: &str) -> Option<Coding> {
    let title = title.trim().to_lowercase();
    TABLE.iter().find(|(k, start, _, _)| *k == kind && title.starts_with(start)).map(|(_, _, code, display)| Coding {
        system: SNOMED,
        code,
        display,
    })
}
