//! Field checks shared by every synced kind: each kind lists its fields once
//! (`record_kind!`), with the check for its values and who may write them,
//! and `check_change` walks a change against that list. Rules that tie two
//! fields together (a phone number that must fit "how to reach me") stay
//! with each kind.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::{FieldRuleError, Fields};
use crate::role::{Role, Roles};

/// What a field's value must be. `null` is allowed where it says "Opt".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Text of 1 to `max` characters, not only spaces.
    Text(usize),
    /// Text of at most `max` characters, or null.
    OptText(usize),
    /// A real calendar date, `YYYY-MM-DD`, between 1900 and 2100.
    Date,
    OptDate,
    Bool,
    /// A time as Unix milliseconds (after 2020, before 2100).
    Millis,
    OptMillis,
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// One of these words, or null ("not sure").
    OptOneOf(&'static [&'static str]),
    /// A UK phone number (see `people::phone_problem`), or null.
    OptPhone,
    /// A whole number from `min` to `max`, or null.
    OptWhole(i64, i64),
}

/// Who may write a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// These roles, at any time.
    Roles(Roles),
    /// These roles at any time; whoever creates the record, in the change
    /// that creates it (a PA chooses who sees what they record).
    RolesOrCreator(Roles),
    /// These roles, in the change that creates the record; after that only
    /// the same value again (harmless when a form re-sends it).
    Fixed(Roles),
    /// Whoever wrote the record (a health entry's `author`): the kind says
    /// who that is.
    Author,
}

impl Who {
    /// `same`: the change sets the value the record already has.
    /// `is_author`: the writer wrote this record (only for `Author`).
    pub fn allows(self, role: Role, creating: bool, same: bool, is_author: bool) -> bool {
        match self {
            Who::Roles(roles) => roles.contains(role),
            Who::RolesOrCreator(roles) => roles.contains(role) || creating,
            Who::Fixed(roles) => roles.contains(role) && (creating || same),
            Who::Author => is_author,
        }
    }
}

/// One field of a kind: its name, what its value must be, who may write
/// it, and whether a new record must have it (and a stored one is unreadable
/// without it).
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub check: Check,
    pub who: Who,
    pub required: bool,
}

fn invalid(field: &'static str, problem: impl Into<String>) -> FieldRuleError {
    FieldRuleError::Invalid { field, problem: problem.into() }
}

/// The earliest and latest years a date in a record may have: anything
/// outside is a typing slip, not a real date in a young person's life.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
const MILLIS: std::ops::RangeInclusive<i64> = 1_577_836_800_000..=4_102_444_800_000;

/// Exactly `YYYY-MM-DD`, read by `crate::date::parse` rather than chrono's
/// parsers, whose format-string engine adds about 10 KB to the app's wasm,
/// which calls this too.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    crate::date::parse(s).filter(|d| YEARS.contains(&d.year()))
}

fn text_ok(v: &Value, field: &'static str, max: usize, required: bool) -> Result<(), FieldRuleError> {
    if !required && v.is_null() {
        return Ok(());
    }
    let s = v.as_str().ok_or_else(|| invalid(field, "must be text"))?;
    if required && s.trim().is_empty() {
        return Err(invalid(field, "must not be empty"));
    }
    if s.chars().count() > max {
        return Err(invalid(field, format!("must be at most {max} characters")));
    }
    Ok(())
}

/// Checks one value against its spec.
pub fn check_value(spec: FieldSpec, v: &Value) -> Result<(), FieldRuleError> {
    let name = spec.name;
    match spec.check {
        Check::Text(max) => text_ok(v, name, max, true),
        Check::OptText(max) => text_ok(v, name, max, false),
        Check::Date | Check::OptDate => {
            if v.is_null() && spec.check == Check::OptDate {
                return Ok(());
            }
            match v.as_str().and_then(parse_date) {
                Some(_) => Ok(()),
                None => Err(invalid(name, "must be a real date like 2026-11-22")),
            }
        }
        Check::Bool => v.is_boolean().then_some(()).ok_or_else(|| invalid(name, "must be true or false")),
        Check::Millis | Check::OptMillis => {
            if v.is_null() && spec.check == Check::OptMillis {
                return Ok(());
            }
            match v.as_i64() {
                Some(ms) if MILLIS.contains(&ms) => Ok(()),
                _ => Err(invalid(name, "must be a time in milliseconds")),
            }
        }
        Check::OptOneOf(_) if v.is_null() => Ok(()),
        Check::OneOf(words) | Check::OptOneOf(words) => match v.as_str() {
            Some(s) if words.contains(&s) => Ok(()),
            _ => Err(invalid(name, format!("must be one of: {}", words.join(", ")))),
        },
        Check::OptWhole(_, _) if v.is_null() => Ok(()),
        Check::OptWhole(min, max) => match v.as_i64() {
            Some(n) if (min..=max).contains(&n) => Ok(()),
            _ => Err(invalid(name, format!("must be a whole number from {min} to {max}"))),
        },
        Check::OptPhone => {
            if v.is_null() {
                return Ok(());
            }
            let s = v.as_str().ok_or_else(|| invalid(name, "must be text"))?;
            match crate::phone::phone_problem(s) {
                None => Ok(()),
                Some(problem) => Err(invalid(name, problem)),
            }
        }
    }
}

/// Finds each key of `fields` in `specs` and checks its value; an unknown
/// key is refused. Returns the specs of the fields present, in order, so the
/// caller can apply its own "who may write this" rule to each.
pub fn check_fields(specs: &[FieldSpec], fields: &Fields) -> Result<Vec<FieldSpec>, FieldRuleError> {
    fields
        .iter()
        .map(|(key, value)| {
            let spec = specs
                .iter()
                .find(|s| s.name == key)
                .copied()
                .ok_or_else(|| FieldRuleError::UnknownField(key.clone()))?;
            check_value(spec, value)?;
            Ok(spec)
        })
        .collect()
}

/// Checks a whole change: every key known, every value valid, and the
/// writer allowed to write each field; on a new record (`current` is
/// `None`), every required field present. `is_author`: see `Who::Author`.
pub fn check_change(
    specs: &[FieldSpec],
    role: Role,
    change: &Fields,
    current: Option<&Fields>,
    is_author: bool,
) -> Result<(), FieldRuleError> {
    let creating = current.is_none();
    for spec in check_fields(specs, change)? {
        let same = current.and_then(|c| c.get(spec.name)) == change.get(spec.name);
        if !spec.who.allows(role, creating, same, is_author) {
            return Err(FieldRuleError::NotYours(spec.name.to_string()));
        }
    }
    if creating && let Some(missing) = specs.iter().find(|s| s.required && !change.contains_key(s.name)) {
        return Err(FieldRuleError::Missing(missing.name));
    }
    Ok(())
}

/// On a new record, each of `required` must be present.
pub fn require(fields: &Fields, required: &[&'static str]) -> Result<(), FieldRuleError> {
    match required.iter().find(|r| !fields.contains_key(**r)) {
        Some(missing) => Err(FieldRuleError::Missing(missing)),
        None => Ok(()),
    }
}

/// The string value of a field, in a change or else in the stored record.
pub fn str_of<'a>(change: &'a Fields, current: Option<&'a Fields>, key: &str) -> Option<&'a str> {
    change.get(key).or_else(|| current.and_then(|c| c.get(key))).and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const fn field(name: &'static str, check: Check) -> FieldSpec {
        FieldSpec { name, check, who: Who::Roles(Roles::ANYONE), required: false }
    }

    #[test]
    fn impossible_and_out_of_range_dates_are_refused() {
        let spec = field("date", Check::Date);
        for bad in ["2024-02-30", "2023-02-29", "1899-12-31", "2101-01-01", "22/11/2026", "2026-1-5", ""] {
            assert!(check_value(spec, &json!(bad)).is_err(), "{bad}");
        }
        for good in ["2024-02-29", "2000-01-01", "2026-11-22"] {
            assert_eq!(check_value(spec, &json!(good)), Ok(()), "{good}");
        }
        assert!(check_value(spec, &Value::Null).is_err());
        assert_eq!(check_value(field("date", Check::OptDate), &Value::Null), Ok(()));
    }

    #[test]
    fn unknown_keys_and_oversized_text_name_the_field() {
        const SPECS: &[FieldSpec] = &[field("title", Check::Text(5))];
        let f = json!({"title": "too long"}).as_object().unwrap().clone();
        assert!(matches!(check_fields(SPECS, &f), Err(FieldRuleError::Invalid { field: "title", .. })));
        let f = json!({"colour": "red"}).as_object().unwrap().clone();
        assert_eq!(check_fields(SPECS, &f).unwrap_err(), FieldRuleError::UnknownField("colour".into()));
    }
}
