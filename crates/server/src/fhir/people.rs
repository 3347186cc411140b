//! Patient (her, from her profile) and Practitioner (her GP, dentist or
//! optician, from a practitioner entry: its words are the name and place).

use pathway_model::health::HealthEntry;
use serde::Serialize;
use uuid::Uuid;

use super::Subject;
use super::types::{ContactPoint, HumanName, Meta, uk_core, words};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    pub id: String,
    pub meta: Meta,
    pub name: Vec<HumanName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
}

pub fn patient(who: &Subject) -> Patient {
    let given: Vec<String> = words(Some(who.first_name)).into_iter().collect();
    let family = words(Some(who.last_name));
    Patient {
        id: who.id.to_string(),
        meta: uk_core("Patient"),
        name: vec![HumanName {
            text: format!("{} {}", who.first_name.trim(), who.last_name.trim()).trim().to_string(),
            family,
            given,
        }],
        birth_date: who.date_of_birth.and_then(|d| words(Some(d))),
    }
}

#[derive(Debug, Serialize)]
pub struct Practitioner {
    pub id: String,
    pub meta: Meta,
    pub name: Vec<HumanName>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub telecom: Vec<ContactPoint>,
}

pub fn practitioner(id: Uuid, e: &HealthEntry) -> Practitioner {
    Practitioner {
        id: id.to_string(),
        meta: uk_core("Practitioner"),
        name: vec![HumanName { text: e.title.trim().to_string(), family: None, given: vec![] }],
        telecom: words(e.phone.as_deref())
            .map(|value| ContactPoint { system: "phone", value, usage: "work" })
            .into_iter()
            .collect(),
    }
}
