//! Normalising input values before they reach the database.

use async_graphql::MaybeUndefined;

/// Trimmed, with blank meaning "not set".
pub fn optional_text(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// For a required column in an update: absent leaves it, explicit null becomes "" so that
/// the column's `_required` constraint reports it (one rule, one message).
pub fn required_text(value: MaybeUndefined<String>) -> Option<String> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(String::new()),
        MaybeUndefined::Value(v) => Some(v.trim().to_owned()),
    }
}

/// For a nullable column in an update: absent leaves it, null clears it.
pub fn nullable<T>(value: MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

/// For a nullable text column in an update: absent leaves it, null or blank clears it.
pub fn nullable_text(value: MaybeUndefined<String>) -> Option<Option<String>> {
    nullable(value).map(optional_text)
}
