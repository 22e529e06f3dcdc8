//! Patient counts and pages per social work, batched per request.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;

use super::model::{self, Patient, SortKey};
use crate::{db::RequestPool, db::page::PageRequest, error::AppError};

/// Social work id -> number of patients.
pub struct PatientCountLoader(pub RequestPool);

impl Loader<i32> for PatientCountLoader {
    type Value = i32;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, i32>, AppError> {
        let rows = model::counts_by_social_work(&mut *self.0.get().await?, keys).await?;
        Ok(rows
            .into_iter()
            .map(|(id, n)| (id, i32::try_from(n).unwrap_or(i32::MAX)))
            .collect())
    }
}

/// (social work id, page) -> that page's rows (up to `limit()`, in query order). Keys asking
/// for the same page of different social works share one statement.
pub struct PatientPageLoader(pub RequestPool);

impl Loader<(i32, PageRequest<SortKey>)> for PatientPageLoader {
    type Value = Vec<Patient>;
    type Error = AppError;

    async fn load(
        &self,
        keys: &[(i32, PageRequest<SortKey>)],
    ) -> Result<HashMap<(i32, PageRequest<SortKey>), Vec<Patient>>, AppError> {
        let mut by_page: HashMap<&PageRequest<SortKey>, Vec<i32>> = HashMap::new();
        for (id, page) in keys {
            by_page.entry(page).or_default().push(*id);
        }
        let mut conn = self.0.get().await?;
        let mut result = HashMap::new();
        for (page, ids) in by_page {
            let mut pages = model::pages_by_social_work(&mut conn, &ids, page).await?;
            for id in ids {
                result.insert((id, page.clone()), pages.remove(&id).unwrap_or_default());
            }
        }
        Ok(result)
    }
}
