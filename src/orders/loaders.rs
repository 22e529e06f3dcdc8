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

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Vec<OrderItem>>, AppError> {
        Ok(model::items_of(&mut *self.0.get().await?, keys).await?)
    }
}
