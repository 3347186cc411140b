//! Each demo young person's health history (issue 19), so the health
//! screens, the passport, its FHIR export and a share link have something
//! to show: her birth details, her childhood jabs on the UK schedule dated
//! from her birth date, her GP, and for some an allergy, a medicine, a
//! condition or a fact about her family. Her PA wrote them up from her
//! health assessments; she ticked what goes in her passport. Jade also has
//! an "only me" entry of her own, ticked but left out of the passport, so a
//! demo (and the e2e test) can see that rule hold. Every detail is invented
//! and every entry's source says so.

use chrono::{Datelike, Days, Months, NaiveDate};
use pathway_model::sync::EntityKind;
use serde_json::{Value, json};
use uuid::Uuid;

use super::records::{self, Sample};
use crate::db::Db;
use crate::error::ApiError;

/// Every entry's source starts with this, so nobody takes it for real.
pub const SAMPLE_SOURCE: &str = "Pathway sample data";

/// Who she is, as far as her health history needs.
pub struct Person<'a> {
    pub username: &'a str,
    pub first_name: &'a str,
    pub born: NaiveDate,
    pub council: &'a str,
    /// "Sam Okafor (PA)": who wrote the entries up.
    pub recorded_by: String,
}

fn source(from: &str) -> String {
    format!("{SAMPLE_SOURCE}: {from}")
}

/// One jab of the routine schedule: its name, what it protects against,
/// and when it is given, as (months, weeks) after birth.
struct Jab {
    title: &'static str,
    details: &'static str,
    months: u32,
    weeks: u64,
}

const fn jab(title: &'static str, details: &'static str, months: u32, weeks: u64) -> Jab {
    Jab { title, details, months, weeks }
}

/// The UK routine schedule a child born 2002-2016 was offered (the 6-in-1
/// replaced the 5-in-1 for babies born from August 2017; MenB and rotavirus
/// came in 2013-15, after these demo people were babies).
const INFANT_5_IN_1: &str = "Protects against diphtheria, tetanus, whooping cough, polio and Hib.";
const INFANT_6_IN_1: &str = "Protects against diphtheria, tetanus, whooping cough, polio, Hib and hepatitis B.";
fn schedule(born: NaiveDate) -> Vec<Jab> {
    let six_in_one = born >= NaiveDate::from_ymd_opt(2017, 8, 1).unwrap_or(born);
    let infant_words = if six_in_one { INFANT_6_IN_1 } else { INFANT_5_IN_1 };
    let dose = |n: &str| -> &'static str {
        match (six_in_one, n) {
            (true, "1") => "6-in-1 vaccine (1st dose)",
            (true, "2") => "6-in-1 vaccine (2nd dose)",
            (true, _) => "6-in-1 vaccine (3rd dose)",
            (false, "1") => "5-in-1 vaccine (1st dose)",
            (false, "2") => "5-in-1 vaccine (2nd dose)",
            (false, _) => "5-in-1 vaccine (3rd dose)",
        }
    };
    vec![
        jab(dose("1"), infant_words, 0, 8),
        jab(
            "Pneumococcal vaccine (1st dose)",
            "Protects against pneumonia and meningitis caused by pneumococcus.",
            0,
            8,
        ),
        jab(dose("2"), infant_words, 0, 12),
        jab("MenC vaccine (1st dose)", "Protects against meningitis C.", 0, 12),
        jab(dose("3"), infant_words, 0, 16),
        jab(
            "Pneumococcal vaccine (2nd dose)",
            "Protects against pneumonia and meningitis caused by pneumococcus.",
            0,
            16,
        ),
        jab("MenC vaccine (2nd dose)", "Protects against meningitis C.", 0, 16),
        jab("Hib/MenC booster", "Protects against Hib and meningitis C.", 12, 0),
        jab("MMR vaccine (1st dose)", "Protects against measles, mumps and rubella.", 12, 0),
        jab("Pneumococcal booster", "Protects against pneumonia and meningitis caused by pneumococcus.", 13, 0),
        jab("Pre-school booster (4-in-1)", "Protects against diphtheria, tetanus, whooping cough and polio.", 40, 0),
        jab("MMR vaccine (2nd dose)", "Protects against measles, mumps and rubella.", 40, 0),
        jab("HPV vaccine", "Protects against some cancers caused by human papillomavirus. Given in year 8.", 152, 0),
        jab(
            "Teenage booster (3-in-1)",
            "Protects against tetanus, diphtheria and polio. Given in year 9.",
            14 * 12 + 3,
            0,
        ),
        jab("MenACWY vaccine", "Protects against meningitis A, C, W and Y. Given in year 9.", 14 * 12 + 3, 1),
    ]
}

/// HPV was offered to girls in year 8, and to boys too from September 2019.
fn offered_hpv(p: &Person, on: NaiveDate) -> bool {
    const GIRLS: [&str; 4] = ["jade", "leah", "ellie", "zara"];
    GIRLS.contains(&p.username) || on >= NaiveDate::from_ymd_opt(2019, 9, 1).unwrap_or(on)
}

fn after(born: NaiveDate, months: u32, weeks: u64) -> NaiveDate {
    born.checked_add_months(Months::new(months)).and_then(|d| d.checked_add_days(Days::new(weeks * 7))).unwrap_or(born)
}

/// A PA's entry, ticked for her passport or not.
fn pa_entry(p: &Person, value: Value, in_passport: bool) -> Sample {
    let mut value = value;
    value["author"] = json!("professional");
    value["recorded_by"] = json!(p.recorded_by);
    if value.get("visibility").is_none() {
        value["visibility"] = json!("my_pa");
    }
    let sample = Sample::new(EntityKind::HealthEntry, Uuid::now_v7(), value);
    if in_passport { sample.then_she_sets(json!({"in_passport": true})) } else { sample }
}

/// Where she was born and what she weighed, per person: (grams, place).
fn birth_of(username: &str) -> (u32, &'static str) {
    match username {
        "jade" => (3240, "Liverpool Women's Hospital"),
        "tom" => (3610, "Liverpool Women's Hospital"),
        "kai" => (2950, "Whiston Hospital"),
        "leah" => (3380, "Whiston Hospital"),
        "mo" => (3100, "a hospital in Khartoum"),
        "ellie" => (3470, "Arrowe Park Hospital"),
        "ryan" => (3820, "Arrowe Park Hospital"),
        _ => (3300, "Liverpool Women's Hospital"),
    }
}

/// Her GP: an invented practice in her council's area, a drama-range phone.
fn gp_of(council: &str) -> (&'static str, &'static str, &'static str) {
    match council {
        "knowsley" => ("Dr Ruth Ogden", "Brook Farm Surgery, Huyton", "0151 496 0240"),
        "wirral" => ("Dr Owen Pryce", "Sandy Lane Medical Centre, Birkenhead", "0151 496 0340"),
        _ => ("Dr Anita Rao", "Hope Street Health Centre, Liverpool", "0151 496 0140"),
    }
}

fn pounds_and_ounces(grams: u32) -> String {
    let ounces = (f64::from(grams) / 28.3495).round() as u32;
    format!("{} lb {} oz", ounces / 16, ounces % 16)
}

fn samples(p: &Person, today: NaiveDate) -> Vec<Sample> {
    let mut out = Vec::new();
    let (grams, place) = birth_of(p.username);
    let kg = format!("{}.{}", grams / 1000, (grams % 1000) / 100);
    // Jade leaves her birth details out of her passport: an unticked entry.
    out.push(pa_entry(
        p,
        json!({"kind": "birth", "title": format!("Born weighing {kg} kg ({})", pounds_and_ounces(grams)),
               "date": p.born.to_string(),
               "details": format!("Born at full term at {place}. No problems at birth."),
               "source": source("Red Book (child health record)")}),
        p.username != "jade",
    ));
    for j in schedule(p.born) {
        let on = after(p.born, j.months, j.weeks);
        if on > today || (j.title == "HPV vaccine" && !offered_hpv(p, on)) {
            continue;
        }
        let at = if on.year() - p.born.year() >= 11 { "school nurse" } else { "GP surgery" };
        out.push(pa_entry(
            p,
            json!({"kind": "immunisation", "title": j.title, "date": on.to_string(), "details": j.details,
                   "source": source(&format!("GP record, given by the {at}"))}),
            true,
        ));
    }
    let (doctor, practice, phone) = gp_of(p.council);
    out.push(pa_entry(
        p,
        json!({"kind": "practitioner", "title": format!("{doctor}, {practice}"), "phone": phone,
               "details": "My GP. Ring at 8am for a same-day appointment.",
               "source": source("registered with the practice")}),
        true,
    ));
    out.extend(extras(p, today));
    out
}

/// What only some have: an allergy, a medicine, a condition, family health,
/// and Jade's own "only me" note.
fn extras(p: &Person, today: NaiveDate) -> Vec<Sample> {
    let years_ago = |n: u32| today.checked_sub_months(Months::new(12 * n)).unwrap_or(today).to_string();
    match p.username {
        "jade" => vec![
            pa_entry(
                p,
                json!({"kind": "allergy", "title": "Penicillin", "severity": "severe", "date": years_ago(13),
                       "details": "A rash all over and swollen lips after amoxicillin when she was six.",
                       "source": source("health assessment")}),
                true,
            ),
            pa_entry(
                p,
                json!({"kind": "medicine", "title": "Cetirizine 10 mg tablets", "dose": "One tablet a day in summer",
                       "details": "For hay fever.", "source": source("health assessment")}),
                true,
            ),
            pa_entry(
                p,
                json!({"kind": "family_history", "title": "Asthma", "relation": "birth mother",
                       "source": source("health assessment")}),
                false,
            ),
            Sample::new(
                EntityKind::HealthEntry,
                Uuid::now_v7(),
                json!({"kind": "note", "author": "me", "title": "Counselling I went to in year 10",
                       "details": "Six sessions at school. It helped.", "recorded_by": p.first_name,
                       "source": source("written by me"), "visibility": "me_only", "in_passport": true}),
            )
            .by_her(),
        ],
        "tom" => vec![
            pa_entry(
                p,
                json!({"kind": "condition", "title": "Asthma", "date": years_ago(9),
                       "details": "Mild. Worse with colds and in cold weather.",
                       "source": source("looked-after child health review")}),
                true,
            ),
            pa_entry(
                p,
                json!({"kind": "medicine", "title": "Salbutamol inhaler (blue)", "dose": "Two puffs when needed",
                       "source": source("looked-after child health review")}),
                true,
            ),
        ],
        "kai" => vec![
            pa_entry(
                p,
                json!({"kind": "allergy", "title": "Peanuts", "severity": "moderate",
                       "details": "Itchy mouth and hives. Reads food labels.",
                       "source": source("health assessment")}),
                true,
            ),
            pa_entry(
                p,
                json!({"kind": "family_history", "title": "Type 2 diabetes", "relation": "birth father",
                       "source": source("health assessment")}),
                true,
            ),
        ],
        "leah" => vec![pa_entry(
            p,
            json!({"kind": "condition", "title": "Eczema", "date": years_ago(15),
                   "details": "On her hands and the backs of her knees, worse in winter.",
                   "source": source("health assessment")}),
            true,
        )],
        "ellie" => vec![pa_entry(
            p,
            json!({"kind": "allergy", "title": "Sticking plasters", "severity": "mild",
                   "details": "Red, itchy skin where the plaster was.", "source": source("health assessment")}),
            true,
        )],
        "zara" => vec![pa_entry(
            p,
            json!({"kind": "medicine", "title": "Ferrous sulfate 200 mg tablets", "dose": "One tablet a day",
                   "details": "Iron tablets for low iron.", "source": source("GP record")}),
            false,
        )],
        _ => vec![],
    }
}

/// Writes her health history as `pa` (and her own entries as her).
pub async fn seed(db: &Db, owner: Uuid, pa: Uuid, p: &Person<'_>, today: NaiveDate) -> Result<(), ApiError> {
    records::write(db, owner, pa, today, samples(p, today)).await
}
