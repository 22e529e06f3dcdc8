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
            Self::Internal => code::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Self::Unauthenticated => "Se requiere un token válido",
            Self::Forbidden => "No tiene permiso para realizar esta operación",
            Self::BadInput(message) => message,
            Self::Unavailable => "La base de datos no está disponible; intente nuevamente",
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
            _ => Self::internal(format_args!("database error: {err}")),
        }
    }
}

impl From<PoolError> for AppError {
    fn from(err: PoolError) -> Self {
        tracing::warn!(error = %err, "could not get a database connection");
        Self::Unavailable
    }
}
