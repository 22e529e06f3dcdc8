//! `UserError`: a user's mistake, reported inside a mutation payload (nothing was written).
//! It lives with the other errors, not in `graphql/`, because the database layer produces it
//! from constraint violations.

use async_graphql::{Enum, SimpleObject};

/// What kind of mistake a `UserError` reports: stable, for client logic (the message is for
/// people and may change).
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserErrorCode {
    /// A required value is missing or blank.
    Required,
    /// A value is longer than allowed.
    TooLong,
    /// A value has the wrong shape (phone characters, URL, document, email).
    InvalidFormat,
    /// A value's length is outside its range (phone: 10 to 20 characters).
    InvalidLength,
    /// A unique value (name, code, document) is already used.
    Taken,
    /// A referenced entity does not exist.
    NotFound,
    /// A referenced social work (or EPS) is not active.
    Inactive,
    /// The entity is still referenced and cannot be deleted.
    InUse,
    /// A number or date is out of range.
    InvalidRange,
    /// Wrong username or password.
    InvalidCredentials,
    /// Too many failed attempts: wait before trying again.
    RateLimited,
    /// The patient's EPS may not be seen for that specialty at that site on that day (no
    /// agreement, or the agreement suspended, not yet valid, expired, or its EPS, specialty
    /// or site inactive: the message says which, as `authorizationCheck`'s reason does);
    /// for an availability: no EPS at all may be seen for it that day.
    NotAuthorized,
    /// The agreement's monthly quota is used up in that month.
    QuotaExhausted,
    /// The slot has no place left.
    SlotFull,
    /// The agreement requires the EPS's prior-authorization number, and none was given.
    PriorAuthorizationRequired,
    /// It would overlap another booking of the same patient (or the same practitioner's
    /// availability).
    Overlap,
    /// The entity's state does not allow the change (an appointment no longer booked, an
    /// availability's fixed terms).
    InvalidState,
    /// SUAP's response reports an error (its STATUS); the message carries SUAP's own words.
    SuapError,
}

/// A mistake in a mutation's input, reported in its payload instead of a top-level error;
/// the mutation wrote nothing for that input.
#[derive(SimpleObject, Debug, Clone, PartialEq, Eq)]
pub struct UserError {
    /// Path to the offending input field, relative to `input` (e.g. `["phone"]`; for
    /// `importSuapOrder`, the path in `render`, e.g. `["afiliado", "DocNumero"]`); null when
    /// no one field is at fault (a refused `login`).
    pub field: Option<Vec<String>>,
    /// Spanish, for the clinic's staff.
    pub message: String,
    /// Stable and machine-readable.
    pub code: UserErrorCode,
}

impl UserError {
    pub fn new(field: &str, code: UserErrorCode, message: impl Into<String>) -> Self {
        Self {
            field: Some(vec![field.to_owned()]),
            message: message.into(),
            code,
        }
    }
}
