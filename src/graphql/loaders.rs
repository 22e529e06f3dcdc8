//! The DataLoaders of one request. Built per request, never per schema: a cache shared
//! between requests would leak rows across users and serve stale data.

use std::{collections::HashMap, marker::PhantomData, time::Duration};

use async_graphql::dataloader::{DataLoader, Loader};

use crate::{
    authorizations::{
        Authorization,
        loaders::{AuditLoader, AuthorizedLoader},
    },
    catalog::{Eps, Location, Specialty},
    db::{DbPool, FetchById},
    error::AppError,
    orders::{Order, Practitioner, loaders::ItemsLoader},
    patients::{
        Patient,
        loaders::{PatientCountLoader, PatientPageLoader},
    },
    social_works::SocialWork,
    users::User,
};

/// How long a loader collects keys before it queries. Batching is time-based, so the window
/// must outlast one resolution pass over a page: microseconds in release builds, but
/// unoptimised builds (tests) are tens of times slower and need a wider window.
const BATCH_WINDOW: Duration = if cfg!(debug_assertions) {
    Duration::from_millis(10)
} else {
    Duration::from_millis(1)
};

/// Rows of `T` by id, one statement per batch.
pub struct ById<T>(DbPool, PhantomData<T>);

impl<T: FetchById> Loader<i32> for ById<T> {
    type Value = T;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, T>, AppError> {
        let rows = T::fetch(&mut *self.0.get().await?, keys).await?;
        Ok(rows.into_iter().map(|row| (row.id(), row)).collect())
    }
}

pub type ByIdLoader<T> = DataLoader<ById<T>>;

pub struct Loaders {
    pub social_works: ByIdLoader<SocialWork>,
    pub patients: ByIdLoader<Patient>,
    pub users: ByIdLoader<User>,
    pub eps: ByIdLoader<Eps>,
    pub specialties: ByIdLoader<Specialty>,
    pub locations: ByIdLoader<Location>,
    pub authorizations: ByIdLoader<Authorization>,
    pub orders: ByIdLoader<Order>,
    pub practitioners: ByIdLoader<Practitioner>,
    pub order_items: DataLoader<ItemsLoader>,
    pub patient_counts: DataLoader<PatientCountLoader>,
    pub patient_pages: DataLoader<PatientPageLoader>,
    pub audit: DataLoader<AuditLoader>,
    pub authorized: DataLoader<AuthorizedLoader>,
}

fn loader<K, L>(loader: L) -> DataLoader<L>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    L: Loader<K>,
{
    DataLoader::new(loader, tokio::spawn).delay(BATCH_WINDOW)
}

fn by_id<T: FetchById>(pool: &DbPool) -> ByIdLoader<T> {
    loader(ById(pool.clone(), PhantomData))
}

impl Loaders {
    pub fn new(pool: &DbPool) -> Self {
        Self {
            social_works: by_id(pool),
            patients: by_id(pool),
            users: by_id(pool),
            eps: by_id(pool),
            specialties: by_id(pool),
            locations: by_id(pool),
            authorizations: by_id(pool),
            orders: by_id(pool),
            practitioners: by_id(pool),
            order_items: loader(ItemsLoader(pool.clone())),
            patient_counts: loader(PatientCountLoader(pool.clone())),
            patient_pages: loader(PatientPageLoader(pool.clone())),
            audit: loader(AuditLoader(pool.clone())),
            authorized: loader(AuthorizedLoader(pool.clone())),
        }
    }
}
