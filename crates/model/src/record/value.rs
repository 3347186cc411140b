//! How one typed value is read from and written to a record's JSON, by
//! hand rather than through serde: the app carries this code for every
//! kind, and a serde derive per struct would cost far more wasm.

use serde_json::Value;

use super::Fields;

/// A type a record field can hold.
pub trait FieldValue: Sized {
    /// `None` when the JSON is not this type.
    fn read(v: &Value) -> Option<Self>;
    fn write(self) -> Value;
}

impl FieldValue for String {
    fn read(v: &Value) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
    fn write(self) -> Value {
        Value::String(self)
    }
}

impl FieldValue for bool {
    fn read(v: &Value) -> Option<Self> {
        v.as_bool()
    }
    fn write(self) -> Value {
        Value::Bool(self)
    }
}

impl FieldValue for i64 {
    fn read(v: &Value) -> Option<Self> {
        v.as_i64()
    }
    fn write(self) -> Value {
        Value::from(self)
    }
}

/// A nullable field: `null` reads as `None`, and `None` writes `null`,
/// which is how a change clears a field.
impl<T: FieldValue> FieldValue for Option<T> {
    fn read(v: &Value) -> Option<Self> {
        if v.is_null() { Some(None) } else { T::read(v).map(Some) }
    }
    fn write(self) -> Value {
        self.map_or(Value::Null, T::write)
    }
}

/// A field every stored record has: `None` (the record cannot be read)
/// when it is missing or of the wrong type.
pub fn must<T: FieldValue>(fields: &Fields, key: &str) -> Option<T> {
    T::read(fields.get(key)?)
}

/// A field a record may lack (read as its default: `false`, `None`); `None`
/// only when it is present with the wrong type.
pub fn or_default<T: FieldValue + Default>(fields: &Fields, key: &str) -> Option<T> {
    match fields.get(key) {
        None => Some(T::default()),
        Some(v) => T::read(v),
    }
}

/// A field holding one of an enum's words, through its `as_str` and
/// `parse`.
macro_rules! word_value {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::record::value::FieldValue for $t {
            fn read(v: &serde_json::Value) -> Option<Self> {
                v.as_str().and_then(<$t>::parse)
            }
            fn write(self) -> serde_json::Value {
                serde_json::Value::String(self.as_str().into())
            }
        }
    )*};
}
pub(crate) use word_value;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_missing_field_is_unreadable_only_when_every_record_must_have_it() {
        let f = json!({"n": 5, "s": null, "b": "yes"}).as_object().unwrap().clone();
        assert_eq!(must::<i64>(&f, "n"), Some(5));
        assert_eq!(must::<String>(&f, "gone"), None);
        assert_eq!(or_default::<bool>(&f, "gone"), Some(false));
        assert_eq!(or_default::<Option<String>>(&f, "s"), Some(None));
        // Present but the wrong type: the record is not what we think it is.
        assert_eq!(or_default::<bool>(&f, "b"), None);
        assert_eq!(Some(String::from("x")).write(), json!("x"));
        assert_eq!(None::<String>.write(), Value::Null);
    }
}
