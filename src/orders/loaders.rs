//! The items of orders, batched per request.

use std::{collections::HashMap, sync::Arc};

use async_graphql::dataloader::Loader;

use super::model::{self, OrderItem};
use crate::{db::RequestPool, error::AppError};

/// Order id -> its items, in position order (shared: see `ById`).
pub struct ItemsLoader(pub RequestPool);

impl Loader<i32> for ItemsLoader {
    type Value = Arc<Vec<OrderItem>>;
    type Error = AppError;

    /// Every key gets an entry (an order may have no items), so the request's cache answers
    /// for all of them.
    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Self::Value>, AppError> {
        let mut items = model::items_of(&mut *self.0.get().await?, keys).await?;
        Ok(keys
            .iter()
            .map(|key| (*key, Arc::new(items.remove(key).unwrap_or_default())))
            .collect())
    }
}
