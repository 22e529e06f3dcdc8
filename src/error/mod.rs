//! The service's one error policy.
//!
//! - Model code (queries) returns diesel's `QueryResult<T>`.
//! - Services and resolvers return [`AppResult<T>`]; `?` turns a diesel error into
//!   [`AppError::Internal`] (logged here, sent without detail) and a pool error into
//!   [`AppError::Unavailable`].
//! - A user's mistake is not an error: it is a `UserError` in the mutation's payload.
//!
//! `AppError` deliberately does not implement `Display`: async-graphql turns any `Display`
//! value into a client-visible message. Its only way out is the `From` impl below, which sets
//! `extensions.code` and never carries internal detail.

mod user_error;

pub use user_error::{UserError, UserErrorCode};

use async_graphql::ErrorExtensions;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel_async::pooled_connection::deadpool::PoolError;

/// Stable, machine-readable codes sent in `errors[].extensions.code`.
pub mod code {
    pub const UNAUTHENTICATED: &str = "UNAUTHENTICATED";
    pub const FORBIDDEN: &str = "FORBIDDEN";
    pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
    pub const GRAPHQL_VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
    pub const QUERY_TOO_COMPLEX: &str = "QUERY_TOO_COMPLEX";
    pub const SERVICE_UNAVAILABLE: &str = "SERVICE_UNAVAILABLE";
    pub const INTERNAL_SERVER_ERROR: &str = "INTERNAL_SERVER_ERROR";
}

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, Clone)]
pub enum AppError {
    /// No token, or a token that is invalid or expired.
    Unauthenticated,
    /// A valid token whose role is too low.
    Forbidden,
    /// A malformed argument (bad global ID, cursor, page size); the message is for the client.
    BadInput(String),
    /// The database cannot be reached (pool timeout, connection refused).
    Unavailable,
    /// A statement ran out of time (statement_timeout) and was cancelled.
    TimedOut,
    /// Anything else; the detail was logged where it happened.
    Internal,
}

impl AppError {
    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::BadInput(message.into())
    }

    /// Logs `detail` and returns the opaque internal error.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(error = %detail, "internal error");
        Self::Internal
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => code::UNAUTHENTICATED,
            Self::Forbidden => code::FORBIDDEN,
            Self::BadInput(_) => code::BAD_USER_INPUT,
            Self::Unavailable => code::SERVICE_UNAVAILABLE,
            Self::TimedOut => code::QUERY_TOO_COMPLEX,
            Self::Internal => code::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Self::Unauthenticated => "Se requiere un token válido",
            Self::Forbidden => "No tiene permiso para realizar esta operación",
            Self::BadInput(message) => message,
            Self::Unavailable => "La base de datos no está disponible; intente nuevamente",
            Self::TimedOut => Refusal::StatementTimeout.message(),
            Self::Internal => "Error interno del servidor",
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        let code = err.code();
        async_graphql::Error::new(err.message()).extend_with(|_, ext| ext.set("code", code))
    }
}

impl From<DieselError> for AppError {
    fn from(err: DieselError) -> Self {
        match &err {
            // UnableToSendCommand is diesel-async's kind for a driver error without SQLSTATE:
            // the socket closed or reset under a pooled connection.
            DieselError::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            )
            | DieselError::BrokenTransactionManager => {
                tracing::warn!(error = %err, "database connection lost");
                Self::Unavailable
            }
            // A streaming replica (DATABASE_READ_URL) cancels a read that conflicts with the
            // WAL it replays: a moment's unavailability, not our bug.
            DieselError::DatabaseError(_, info)
                if info.message().contains("conflict with recovery") =>
            {
                tracing::warn!(error = %err, "read cancelled by the replica's recovery");
                Self::Unavailable
            }
            // Two transactions each waiting for the other's rows: PostgreSQL cancels one,
            // which may simply be retried (locks are taken in a fixed order where we can).
            DieselError::DatabaseError(_, info)
                if info.message().starts_with("deadlock detected")
                    || info.message().starts_with("could not serialize access") =>
            {
                tracing::warn!(error = %err, "transaction cancelled by a lock conflict");
                Self::Unavailable
            }
            _ => match refusal(&err) {
                Some(Refusal::StatementTimeout) => {
                    tracing::warn!(error = %err, "statement cancelled");
                    Self::TimedOut
                }
                Some(other) => Self::BadInput(other.message().to_owned()),
                None => Self::internal(format_args!("database error: {err}")),
            },
        }
    }
}

/// What PostgreSQL refused that is not our bug: a value out of range for its column
/// (SQLSTATE 22003, 22007, 22008) or a statement cancelled by `statement_timeout` (57014).
/// diesel-async does not expose SQLSTATE, so these are told by PostgreSQL's (English,
/// `lc_messages` default) message; inputs are bounded before they get here, and constraints
/// name the rest, so this is the last net, not the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NumberOutOfRange,
    DateOutOfRange,
    StatementTimeout,
}

impl Refusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::NumberOutOfRange => "Un número está fuera del rango admitido",
            Self::DateOutOfRange => "Una fecha está fuera del rango admitido",
            Self::StatementTimeout => {
                "La operación tardó demasiado y fue cancelada; acote la consulta"
            }
        }
    }
}

pub fn refusal(err: &DieselError) -> Option<Refusal> {
    let DieselError::DatabaseError(DatabaseErrorKind::Unknown, info) = err else {
        return None;
    };
    refusal_of_message(info.message())
}

fn refusal_of_message(message: &str) -> Option<Refusal> {
    if message.starts_with("canceling statement due to statement timeout") {
        Some(Refusal::StatementTimeout)
    } else if message.starts_with("date/time field value out of range")
        || message.starts_with("date out of range")
        || message.starts_with("timestamp out of range")
        || message.starts_with("invalid input syntax for type date")
        || message.starts_with("invalid input syntax for type timestamp")
    {
        Some(Refusal::DateOutOfRange)
    } else if message.starts_with("numeric field overflow")
        || message.contains("out of range for type")
        || message == "smallint out of range"
        || message == "bigint out of range"
        || message.ends_with("integer out of range")
        || message == "value out of range: overflow"
    {
        Some(Refusal::NumberOutOfRange)
    } else {
        None
    }
}

impl From<PoolError> for AppError {
    fn from(err: PoolError) -> Self {
        tracing::warn!(error = %err, "could not get a database connection");
        Self::Unavailable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_refusals_are_told_apart_from_bugs() {
        for (message, refusal) in [
            ("numeric field overflow", Refusal::NumberOutOfRange),
            (
                "value \"99999999999\" is out of range for type integer",
                Refusal::NumberOutOfRange,
            ),
            ("smallint out of range", Refusal::NumberOutOfRange),
            (
                "date/time field value out of range: \"0000-01-01\"",
                Refusal::DateOutOfRange,
            ),
            (
                "invalid input syntax for type timestamp with time zone: \"x\"",
                Refusal::DateOutOfRange,
            ),
            (
                "canceling statement due to statement timeout",
                Refusal::StatementTimeout,
            ),
        ] {
            assert_eq!(refusal_of_message(message), Some(refusal), "{message}");
        }
        assert_eq!(refusal_of_message("relation \"x\" does not exist"), None);
        let timeout: async_graphql::Error = AppError::TimedOut.into();
        assert_eq!(
            timeout.extensions.unwrap().get("code"),
            Some(&code::QUERY_TOO_COMPLEX.into())
        );
    }
}
