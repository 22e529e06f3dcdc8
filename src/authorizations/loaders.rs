//! Audit trails, per-EPS valid authorizations and lapsed specialties, batched per request.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use chrono::NaiveDate;

use super::model::{self, AuditRow, Authorization, Scope};
use crate::{db::RequestPool, error::AppError};

/// Authorization id -> its audit trail, newest first.
pub struct AuditLoader(pub RequestPool);

impl Loader<i32> for AuditLoader {
    type Value = Vec<AuditRow>;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Vec<AuditRow>>, AppError> {
        Ok(model::audit_trails(&mut *self.0.get().await?, keys).await?)
    }
}

/// (EPS id, scope, day) -> the EPS's valid authorizations in that scope. Keys that share the
/// scope and day (a list of EPS asking the same question) share one statement.
pub struct AuthorizedLoader(pub RequestPool);

pub type AuthorizedKey = (i32, Scope, Option<NaiveDate>);

impl Loader<AuthorizedKey> for AuthorizedLoader {
    type Value = Vec<Authorization>;
    type Error = AppError;

    async fn load(
        &self,
        keys: &[AuthorizedKey],
    ) -> Result<HashMap<AuthorizedKey, Vec<Authorization>>, AppError> {
        let mut groups: HashMap<(Scope, Option<NaiveDate>), Vec<i32>> = HashMap::new();
        for (eps, scope, on) in keys {
            groups.entry((*scope, *on)).or_default().push(*eps);
        }
        let mut conn = self.0.get().await?;
        let mut result = HashMap::new();
        for ((scope, on), eps_ids) in groups {
            let mut found = model::valid_in_scope(&mut conn, &eps_ids, scope, on).await?;
            for eps in eps_ids {
                result.insert((eps, scope, on), found.remove(&eps).unwrap_or_default());
            }
        }
        Ok(result)
    }
}

/// (EPS id, day) -> how many of its specialties have agreements but none valid that day.
pub struct LapsedLoader(pub RequestPool);

impl Loader<(i32, Option<NaiveDate>)> for LapsedLoader {
    type Value = i64;
    type Error = AppError;

    async fn load(
        &self,
        keys: &[(i32, Option<NaiveDate>)],
    ) -> Result<HashMap<(i32, Option<NaiveDate>), i64>, AppError> {
        let mut by_day: HashMap<Option<NaiveDate>, Vec<i32>> = HashMap::new();
        for (eps, on) in keys {
            by_day.entry(*on).or_default().push(*eps);
        }
        let mut conn = self.0.get().await?;
        let mut result = HashMap::new();
        for (on, eps_ids) in by_day {
            let counts = model::lapsed_specialty_counts(&mut conn, &eps_ids, on).await?;
            for eps in eps_ids {
                result.insert((eps, on), counts.get(&eps).copied().unwrap_or(0));
            }
        }
        Ok(result)
    }
}
