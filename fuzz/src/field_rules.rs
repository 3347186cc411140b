//! The field rules of every record kind, reached directly: a kind and a
//! role from the first two bytes, then a JSON object (the change) or an
//! array `[change, current]`. Runs `check_put`, the date rule, each field
//! spec's `check_value` on every value, `may_delete`, `visible_to_staff`
//! and the typed read of the fields (as the screens do).

use pathway_model::record::check::check_value;
use pathway_model::sync::Fields;
use serde_json::Value;

use crate::common::{NOW_MS, kind, read_typed, role};

pub fn run(data: &[u8]) {
    let [k, r, rest @ ..] = data else { return };
    let (kind, role) = (kind(*k), role(*r));
    let Ok(value) = serde_json::from_slice::<Value>(rest) else { return };
    let (change, current) = match value {
        Value::Object(change) => (change, None),
        Value::Array(mut pair) if pair.len() == 2 => match (pair.pop(), pair.pop()) {
            (Some(Value::Object(current)), Some(Value::Object(change))) => (change, Some(current)),
            _ => return,
        },
        _ => return,
    };
    check(kind, role, &change, current.as_ref());
}

fn check(kind: pathway_model::sync::EntityKind, role: pathway_model::role::Role, change: &Fields, current: Option<&Fields>) {
    let _ = kind.check_put(role, change, current);
    let _ = kind.check_put(role, change, None);
    let _ = kind.check_dates(change, pathway_model::date::utc_day(NOW_MS));
    let _ = kind.may_delete(role, current);
    let _ = kind.visible_to_staff(change);
    for spec in kind.fields() {
        for v in change.values() {
            let _ = check_value(*spec, v);
        }
    }
    read_typed(kind, change);
    if let Some(current) = current {
        read_typed(kind, current);
    }
}
