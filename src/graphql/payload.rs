//! Mutation payloads: one way from a write's outcome to its payload ([`written`]), one for
//! deletes ([`deleted`]), and the payload types they fill.

use async_graphql::{ID, InputObject, SimpleObject};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;

use crate::{
    db::constraints,
    error::{AppResult, UserError, UserErrorCode},
};

/// The payload of a write of one row of `table`: the row, or every user error of the
/// candidate (`candidate` serializes to the written columns by name; `row_id` is the row an
/// update changes). `Ok(None)` from the write is `not_found`.
pub async fn written<T, P: From<Result<T, Vec<UserError>>>>(
    conn: &mut AsyncPgConnection,
    result: QueryResult<Option<T>>,
    table: &str,
    row_id: Option<i32>,
    candidate: &impl serde::Serialize,
    not_found: impl FnOnce() -> UserError,
) -> AppResult<P> {
    Ok(
        constraints::outcome_with_every_error(conn, result, table, row_id, candidate, not_found)
            .await?
            .into(),
    )
}

/// Which entity a `delete…` mutation removes.
#[derive(InputObject)]
pub struct DeleteInput {
    /// Global ID of the entity to delete.
    pub id: ID,
}

/// A delete's outcome: the ID it removed, or why nothing was removed.
#[derive(SimpleObject)]
pub struct DeletePayload {
    /// The global ID of the deleted entity; null when nothing was deleted.
    pub deleted_id: Option<ID>,
    /// Why nothing was deleted: `NOT_FOUND` (no such entity) or `IN_USE` (still referenced);
    /// empty when the delete happened.
    pub user_errors: Vec<UserError>,
}

/// The payload of a delete: the deleted ID, `not_found` when there was no such row, or
/// `IN_USE` with `in_use`'s message when a row still references it.
pub fn deleted(
    result: QueryResult<bool>,
    id: ID,
    not_found: impl FnOnce() -> UserError,
    in_use: impl FnOnce(&diesel::result::Error) -> String,
) -> AppResult<DeletePayload> {
    let error = match result {
        Ok(true) => {
            return Ok(DeletePayload {
                deleted_id: Some(id),
                user_errors: vec![],
            });
        }
        Ok(false) => not_found(),
        Err(err) if constraints::is_still_referenced(&err) => {
            UserError::new("id", UserErrorCode::InUse, in_use(&err))
        }
        Err(err) => return Err(err.into()),
    };
    Ok(DeletePayload {
        deleted_id: None,
        user_errors: vec![error],
    })
}

/// Declares a mutation payload `$payload { $field, userErrors }` and builds it from a write's
/// outcome: the changed row, or the user error that explains why nothing was written.
#[macro_export]
macro_rules! mutation_payload {
    ($payload:ident, $field:ident: $ty:ty) => {
        /// A write's outcome: the object, or the user's mistakes (nothing written).
        #[derive(async_graphql::SimpleObject)]
        pub struct $payload {
            /// The changed object; null when nothing was written.
            pub $field: Option<$ty>,
            /// Every mistake in the input, each at its field; empty when the write happened.
            pub user_errors: Vec<$crate::error::UserError>,
        }

        impl From<Result<$ty, Vec<$crate::error::UserError>>> for $payload {
            fn from(outcome: Result<$ty, Vec<$crate::error::UserError>>) -> Self {
                match outcome {
                    Ok(row) => Self {
                        $field: Some(row),
                        user_errors: vec![],
                    },
                    Err(errors) => Self {
                        $field: None,
                        user_errors: errors,
                    },
                }
            }
        }

        impl From<Result<$ty, $crate::error::UserError>> for $payload {
            fn from(outcome: Result<$ty, $crate::error::UserError>) -> Self {
                outcome.map_err(|error| vec![error]).into()
            }
        }
    };
}
