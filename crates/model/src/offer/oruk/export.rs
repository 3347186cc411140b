//! An offer item as a full ORUK service, as `/services/{id}` returns it.

use serde_json::{Map, Value, json};

use super::{attribute, council_org_id, id_for, period_word, service_id};
use crate::offer::OfferItem;

/// The council as an ORUK organization.
pub fn organization(council_id: &str, council_name: &str) -> Value {
    json!({
        "id": council_org_id(council_id),
        "name": format!("{council_name} Council"),
        "description": format!("{council_name} Council's local offer for care leavers."),
    })
}

/// One offer item as a full ORUK service (as `/services/{id}` returns it).
pub fn to_service(item: &OfferItem, council_name: &str) -> Value {
    let id = service_id(item);
    let mut attributes = vec![
        attribute(id, "service", "item_id", &item.id),
        attribute(id, "service", "category", item.category.as_str()),
        attribute(id, "service", "summary", &item.summary),
        attribute(id, "service", "how_to_claim", &item.how_to_claim),
        attribute(id, "service", "sample", if item.sample { "true" } else { "false" }),
    ];
    attributes.extend(item.eligibility.statuses.iter().map(|s| attribute(id, "service", "status", s.as_str())));
    attributes
        .extend(item.eligibility.circumstances.iter().map(|c| attribute(id, "service", "circumstance", c.as_str())));
    if let Some(source) = &item.source {
        attributes.push(attribute(id, "service", "source", source));
    }
    if item.amount.as_ref().is_some_and(|a| a.up_to) {
        attributes.push(attribute(id, "service", "amount_up_to", "true"));
    }

    let mut s = Map::new();
    s.insert("id".into(), json!(id));
    s.insert("organization_id".into(), json!(council_org_id(&item.council_id)));
    s.insert("name".into(), json!(item.title));
    s.insert("description".into(), json!(item.details));
    s.insert("status".into(), json!("active"));
    if let Some(email) = &item.contact.email {
        s.insert("email".into(), json!(email));
    }
    if let Some(min) = item.eligibility.min_age {
        s.insert("minimum_age".into(), json!(min));
    }
    if let Some(until) = item.eligibility.until_age {
        // ORUK's maximum is the oldest age that qualifies; ours is the
        // birthday it stops on.
        s.insert("maximum_age".into(), json!(until.saturating_sub(1)));
    }
    s.insert("assured_date".into(), json!(item.last_reviewed.to_string()));
    s.insert("organization".into(), organization(&item.council_id, council_name));
    if let Some(a) = &item.amount {
        s.insert(
            "cost_options".into(),
            json!([{
                "id": id_for(&["cost", &id.to_string()]),
                "service_id": id,
                "option": period_word(a.period),
                "amount": a.pence as f64 / 100.0,
                "amount_description": a.describe(),
            }]),
        );
    }
    if item.contact.name.is_some() || item.contact.phone.is_some() {
        let contact_id = id_for(&["contact", &id.to_string()]);
        let mut c = Map::new();
        c.insert("id".into(), json!(contact_id));
        c.insert("service_id".into(), json!(id));
        if let Some(name) = &item.contact.name {
            c.insert("name".into(), json!(name));
        }
        if let Some(phone) = &item.contact.phone {
            c.insert("attributes".into(), json!([attribute(contact_id, "contact", "phone", phone)]));
        }
        s.insert("contacts".into(), json!([Value::Object(c)]));
    }
    s.insert("attributes".into(), Value::Array(attributes));
    Value::Object(s)
}
