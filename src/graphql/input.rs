//! Normalising input values before they reach the database.

use async_graphql::{Context, MaybeUndefined};

use crate::{
    db::{MAX_SEARCH_CHARS, SearchTerm, normalise_search},
    error::{AppError, AppResult},
};

/// A search filter's term: control characters as spaces, trimmed, blank meaning none, at most [`MAX_SEARCH_CHARS`]
/// characters, and normalised once (`db::normalise_search`) for the statements that use it.
pub async fn search_term(
    ctx: &Context<'_>,
    value: Option<String>,
) -> AppResult<Option<SearchTerm>> {
    // No stored text holds a control character, and the patients' search text uses one to
    // keep its two name orders apart: as spaces, they can match nothing across it.
    let value = value.map(|v| v.replace(char::is_control, " "));
    let Some(term) = optional_text(value) else {
        return Ok(None);
    };
    if term.chars().count() > MAX_SEARCH_CHARS {
        return Err(AppError::bad_input(format!(
            "La búsqueda admite como máximo {MAX_SEARCH_CHARS} caracteres"
        )));
    }
    let mut conn = super::conn(ctx).await?;
    Ok(Some(normalise_search(&mut conn, &term).await?))
}

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
