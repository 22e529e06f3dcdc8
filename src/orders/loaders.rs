//! The items of orders, batched per request.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;

use super::model::{self, OrderItem};
use crate::{db::DbPool, error::AppError};

/// Order id -> its items, in position order.
pub struct ItemsLoader(pub DbPool);

impl Loader<i32> for ItemsLoader {
    type Value = Vec<OrderItem>;
    type Error = AppError;

    /// Every key gets an entry (an order may have no items), so the request's cache answers
    /// for all of them.
    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Vec<OrderItem>>, AppError> {
        let mut items = model::items_of(&mut *self.0.get().await?, keys).await?;
        for key in keys {
            items.entry(*key).or_default();
        }
        Ok(items)
    }
}
