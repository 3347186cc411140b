//! `record_kind!`: one declaration of a synced kind's fields gives its
//! table, its typed read struct and its typed change, so the three cannot
//! drift apart.
//!
//! ```ignore
//! record_kind! {
//!     /// The typed view of a topic.
//!     #[derive(Debug, Clone, PartialEq, Eq)]
//!     pub struct Topic;
//!     /// A change to a topic: only the fields set are sent.
//!     pub struct TopicChange;
//!     kind: Topic,
//!     table: FIELDS,
//!     fields {
//!         // name: type (as change type)? = must|or_default, check, who;
//!         text: String = must, Check::Text(TEXT_MAX), Who::Roles(Roles::YOUNG_PERSON);
//!     }
//! }
//! ```
//!
//! - `must`: a new record must have it and a stored one is unreadable
//!   without it; `or_default`: missing reads as the type's default.
//! - The change holds `Option<type>` per field: `None` leaves the field
//!   alone. A nullable field (`Option<T>`) is `Option<Option<T>>`, and
//!   `Some(None)` clears it. `as T` gives the change a different type
//!   (a field old records may lack but no change may clear).
//! - Attributes on a field (docs, `serde(default)` when the read struct
//!   derives serde for the wire) go on the read struct's field.

macro_rules! record_kind {
    (
        $(#[$read_meta:meta])*
        pub struct $Read:ident;
        $(#[$change_meta:meta])*
        pub struct $Change:ident;
        kind: $kind:ident,
        table: $TABLE:ident,
        fields {
            $(
                $(#[$field_meta:meta])*
                $name:ident : $ty:ty $(as $change_ty:ty)? = $presence:ident, $check:expr, $who:expr;
            )*
        }
    ) => {
        /// Every field of this kind, with its value check and who may
        /// write it: what `check_put` checks a change against.
        pub const $TABLE: &[$crate::record::check::FieldSpec] = &[$(
            $crate::record::check::FieldSpec {
                name: stringify!($name),
                check: $check,
                who: $who,
                required: $crate::record::record_kind!(@required $presence),
            }
        ),*];

        $(#[$read_meta])*
        pub struct $Read {
            $( $(#[$field_meta])* pub $name: $ty, )*
        }

        impl $Read {
            /// The kind of record this reads.
            pub const KIND: $crate::record::EntityKind = $crate::record::EntityKind::$kind;

            /// Reads a stored record: `None` when a field every record has
            /// is missing, or any field holds the wrong type.
            pub fn from_fields(fields: &$crate::record::Fields) -> Option<Self> {
                Some(Self { $( $name: $crate::record::value::$presence(fields, stringify!($name))?, )* })
            }
        }

        impl $crate::record::Record for $Read {
            const KIND: $crate::record::EntityKind = $crate::record::EntityKind::$kind;
            fn from_fields(fields: &$crate::record::Fields) -> Option<Self> {
                $Read::from_fields(fields)
            }
        }

        $(#[$change_meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $Change {
            $( pub $name: Option<$crate::record::record_kind!(@change_ty $ty $(, $change_ty)?)>, )*
        }

        impl $Change {
            /// The kind a mutation carrying this change is for.
            pub const KIND: $crate::record::EntityKind = $crate::record::EntityKind::$kind;

            /// The fields to send: only those set.
            pub fn into_fields(self) -> $crate::record::Fields {
                #[allow(unused_mut)]
                let mut fields = $crate::record::Fields::new();
                $(
                    if let Some(v) = self.$name {
                        fields.insert(stringify!($name).into(), $crate::record::value::FieldValue::write(v));
                    }
                )*
                fields
            }
        }

        impl $crate::record::Change for $Change {
            const KIND: $crate::record::EntityKind = $crate::record::EntityKind::$kind;
            fn into_fields(self) -> $crate::record::Fields {
                $Change::into_fields(self)
            }
        }
    };
    (@required must) => { true };
    (@required or_default) => { false };
    (@change_ty $ty:ty) => { $ty };
    (@change_ty $ty:ty, $change_ty:ty) => { $change_ty };
}

pub(crate) use record_kind;
