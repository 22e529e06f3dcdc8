//! The input and payload shared by every `deleteX` mutation.

use async_graphql::{ID, InputObject, SimpleObject};

use super::UserError;

#[derive(InputObject)]
pub struct DeleteInput {
    /// Global ID of the entity to delete.
    pub id: ID,
}

#[derive(SimpleObject)]
pub struct DeletePayload {
    /// The global ID of the deleted entity; null when nothing was deleted.
    pub deleted_id: Option<ID>,
    pub user_errors: Vec<UserError>,
}
