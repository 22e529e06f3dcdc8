//! Social works by id, batched per request.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;

use super::model::{self, SocialWork};
use crate::{db::DbPool, error::AppError};

pub struct SocialWorkLoader(pub DbPool);

impl Loader<i32> for SocialWorkLoader {
    type Value = SocialWork;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, SocialWork>, AppError> {
        let mut conn = self.0.get().await?;
        let rows = model::by_ids(&mut conn, keys).await?;
        Ok(rows.into_iter().map(|row| (row.id, row)).collect())
    }
}
