//! Users by id, batched per request.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;

use super::model::{self, User};
use crate::{db::DbPool, error::AppError};

pub struct UserLoader(pub DbPool);

impl Loader<i32> for UserLoader {
    type Value = User;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, User>, AppError> {
        let rows = model::by_ids(&mut *self.0.get().await?, keys).await?;
        Ok(rows.into_iter().map(|row| (row.id, row)).collect())
    }
}
