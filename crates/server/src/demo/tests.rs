//! The demo data as the app sees it, seeded on awkward days.

use super::*;
use pathway_model::age::age_on;

#[test]
fn demo_people_cover_the_ages_and_circumstances_the_demo_needs() {
    let file: DemoFile = serde_json::from_str(DEMO_JSON).unwrap();
    let ages: Vec<u32> = file.young_people.iter().map(|y| y.age_years).collect();
    assert!(ages.contains(&16) && ages.iter().any(|a| *a >= 24), "ages 16 to 24: {ages:?}");
    let has = |c: &str| file.young_people.iter().any(|y| y.circumstances.iter().any(|x| x == c));
    assert!(has("in_education") && has("young_parent") && has("living_out_of_area"));
    assert!(file.young_people.iter().any(|y| y.age_years >= 21 && y.last_contact_days_ago.is_none_or(|d| d > 90)));
    assert!(file.advisors.len() >= 2 && file.young_people.len() >= 4);
    for c in ["liverpool", "knowsley", "wirral"] {
        assert!(file.managers.iter().any(|m| m.council == c), "a manager for {c}");
    }
}

/// What the app sees of one demo young person after seeding.
struct Seeded {
    file: DemoYoungPerson,
    row: PersonRow,
    rhythm: pathway_model::meeting::Rhythm,
    /// Her live records: (kind, id, fields, written by).
    records: Vec<(String, String, serde_json::Value, String)>,
}

/// Seeds a fresh database as on `today`, sample records too, and reads
/// the people back, the way the app sees them.
async fn seeded_on(today: NaiveDate) -> Vec<Seeded> {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&format!("sqlite://{}?mode=rwc", dir.path().join("demo.db").display())).await.unwrap();
    db.migrate().await.unwrap();
    seed_if_empty(&db, today).await.unwrap();
    seed_sample_records(&db, today).await.unwrap();
    // The file on disk, not the copy compiled in: what a person editing
    // data/demo expects to see.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/demo/people.json");
    let file: DemoFile = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for y in file.young_people {
        let row = people::by_username(&db, &y.username).await.unwrap().expect("seeded");
        let id = Uuid::parse_str(&row.id).unwrap();
        let stored = crate::db::meeting::rhythm_records(&db, crate::db::meeting::Whose::Person(id)).await.unwrap();
        let rhythm = crate::rhythm::Histories::of(&stored).rhythm(id, row.created_at);
        let records: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT entity, id, fields, updated_by FROM sync_records WHERE owner_id = $1 AND deleted = 0",
        )
        .bind(&row.id)
        .fetch_all(db.pool())
        .await
        .unwrap();
        let records =
            records.into_iter().map(|(k, id, f, by)| (k, id, serde_json::from_str(&f).unwrap(), by)).collect();
        out.push(Seeded { file: y, row, rhythm, records });
    }
    db.close().await;
    out
}

#[tokio::test]
async fn seeded_ages_and_contact_histories_match_the_file_on_any_day() {
    // Leap days and year ends are where month arithmetic slips.
    for today in ["2026-11-22", "2028-02-29", "2027-03-01", "2027-12-31", "2029-01-01"] {
        let today: NaiveDate = today.parse().unwrap();
        let seeded = seeded_on(today).await;
        for p in &seeded {
            let (y, r) = (&p.file, &p.rhythm);
            let born = p.row.born().expect("a young person has a date of birth");
            assert_eq!(age_on(born, today), y.age_years, "{} on {today}", y.username);
            let days_ago = r.last_contact.map(|d| (today - d).num_days() as u64);
            assert_eq!(days_ago, y.last_contact_days_ago, "{}'s last contact on {today}", y.username);
            let missed_since =
                y.missed_days_ago.iter().filter(|m| y.last_contact_days_ago.is_none_or(|l| **m < l)).min();
            let attempt_ago = r.last_attempt.map(|d| (today - d).num_days() as u64);
            assert_eq!(attempt_ago.as_ref(), missed_since, "{}'s last missed attempt on {today}", y.username);
            // Written by her PA (by a PA of her council, if she has none now).
            let pa = p.row.advisor_id.as_ref();
            assert!(!p.records.is_empty(), "{} has a history", y.username);
            let (hers, by_pa): (Vec<_>, Vec<_>) = p.records.iter().partition(|r| r.2["author"] == "me");
            assert!(by_pa.iter().all(|r| pa.is_none_or(|pa| &r.3 == pa) && r.3 != p.row.id), "{}", y.username);
            // What she wrote herself is hers.
            assert!(hers.iter().all(|r| r.3 == p.row.id), "{}", y.username);
        }
        let with_pa = || seeded.iter().filter(|p| p.row.advisor_id.is_some());
        assert!(with_pa().any(|p| p.rhythm.last_contact.is_some() && !p.rhythm.contact_overdue(today)), "on time");
        assert!(with_pa().any(|p| p.rhythm.last_contact.is_some() && p.rhythm.contact_overdue(today)), "overdue");
        assert!(with_pa().any(|p| p.rhythm.last_contact.is_none()), "never contacted");
        assert!(with_pa().any(|p| p.rhythm.out_of_touch(today) && p.rhythm.last_contact.is_some()), "90 days");
        // Sam's caseload has someone overdue, for a manager's oversight.
        let tom = seeded.iter().find(|p| p.file.username == "tom").unwrap();
        assert!(tom.rhythm.contact_overdue(today) && tom.rhythm.last_attempt.is_some(), "{today}");
        jade_has_her_meeting(seeded.iter().find(|p| p.file.username == "jade").unwrap());
    }
}

fn jade_has_her_meeting(jade: &Seeded) {
    let of = |kind: &'static str| jade.records.iter().filter(move |r| r.0 == kind);
    let meeting = of("contact").find(|r| r.2.get("her_words").is_some()).expect("Jade's meeting");
    assert_eq!(meeting.2["how"], "in_person");
    assert!(meeting.2["summary"].as_str().unwrap().contains("You told me"));
    assert_eq!(meeting.2["discussed"].as_str().unwrap().lines().count(), 3);
    assert_eq!(meeting.2["date"], serde_json::json!(jade.rhythm.last_contact.unwrap()));
    let actions: Vec<_> = of("agreed_action").collect();
    assert_eq!(actions.len(), 3);
    assert!(actions.iter().all(|a| a.2["contact_id"] == meeting.1.as_str()));
    let owner = |o: &str| actions.iter().find(|a| a.2["owner"] == o).unwrap_or_else(|| panic!("{o}'s action"));
    assert!(owner("young_person").2.get("progress").is_none());
    assert!(owner("advisor").2["progress"].as_str().is_some_and(|p| !p.is_empty()));
    assert_eq!(owner("someone_else").2["owner_name"], "Housing team");
}

#[tokio::test]
async fn every_demo_young_person_has_jabs_a_gp_and_sample_sources_and_jades_passport_holds() {
    use pathway_model::health::{HealthEntry, HealthKind, Visibility, share::in_passport};
    let today: NaiveDate = "2027-03-01".parse().unwrap();
    for p in seeded_on(today).await {
        let name = &p.file.username;
        let born = p.row.born().unwrap();
        let entries: Vec<HealthEntry> = p
            .records
            .iter()
            .filter(|r| r.0 == "health_entry")
            .map(|r| HealthEntry::from_fields(r.2.as_object().unwrap()).unwrap())
            .collect();
        let of = |k: HealthKind| entries.iter().filter(move |e| e.kind == k);
        assert!(entries.iter().all(|e| e.source.as_deref().is_some_and(|s| s.starts_with(health::SAMPLE_SOURCE))));
        let birth = of(HealthKind::Birth).next().unwrap_or_else(|| panic!("{name}'s birth details"));
        assert_eq!(birth.date.as_deref(), Some(born.to_string().as_str()));
        // The UK schedule, dated from her birth: the first jabs at 8 weeks,
        // MMR's second dose at 3 years 4 months, the teenage booster at 14.
        let jab_on = |title: &str| {
            of(HealthKind::Immunisation)
                .find(|e| e.title == title)
                .and_then(|e| e.date.as_deref().and_then(pathway_model::date::parse))
                .unwrap_or_else(|| panic!("{name}: {title}"))
        };
        assert_eq!(jab_on("5-in-1 vaccine (1st dose)"), born + chrono::Days::new(56));
        assert_eq!(jab_on("MMR vaccine (2nd dose)"), born.checked_add_months(Months::new(40)).unwrap());
        assert_eq!(age_on(born, jab_on("Teenage booster (3-in-1)")), 14);
        assert!(of(HealthKind::Immunisation).count() >= 12, "{name}");
        let gp = of(HealthKind::Practitioner).next().unwrap_or_else(|| panic!("{name}'s GP"));
        assert!(gp.phone.as_deref().is_some_and(|ph| ph.starts_with("0151 496 0")), "a drama-range number");
        assert!(in_passport(gp));
        if name == "jade" {
            let penicillin = of(HealthKind::Allergy).find(|e| e.title == "Penicillin").expect("penicillin");
            assert_eq!((penicillin.severity.as_deref(), penicillin.visibility), (Some("severe"), Visibility::MyPa));
            assert!(in_passport(penicillin));
            assert!(entries.iter().filter(|e| in_passport(e)).count() >= 5);
            assert!(entries.iter().any(|e| !e.in_passport), "an unticked entry");
            let only_me: Vec<_> = entries.iter().filter(|e| e.visibility == Visibility::MeOnly).collect();
            assert_eq!(only_me.len(), 1);
            assert_eq!(only_me[0].title, "Counselling I went to in year 10");
            assert!(only_me[0].in_passport && !in_passport(only_me[0]), "ticked but left out");
            assert_eq!(only_me[0].author, pathway_model::health::Author::Me);
        }
    }
}
