//! The DataLoaders of one request. Built per request, never per schema: a cache shared
//! between requests would leak rows across users and serve stale data.

use std::time::Duration;

use async_graphql::dataloader::{DataLoader, Loader};

use crate::{
    db::DbPool,
    patients::loaders::{PatientCountLoader, PatientLoader, PatientPageLoader},
    social_works::loaders::SocialWorkLoader,
    users::loaders::UserLoader,
};

pub struct Loaders {
    pub social_works: DataLoader<SocialWorkLoader>,
    pub patients: DataLoader<PatientLoader>,
    pub patient_counts: DataLoader<PatientCountLoader>,
    pub patient_pages: DataLoader<PatientPageLoader>,
    pub users: DataLoader<UserLoader>,
}

/// How long a loader collects keys before it queries. Batching is time-based, so the window
/// must outlast one resolution pass over a page: microseconds in release builds, but
/// unoptimised builds (tests) are tens of times slower and need a wider window.
const BATCH_WINDOW: Duration = if cfg!(debug_assertions) {
    Duration::from_millis(10)
} else {
    Duration::from_millis(1)
};

fn loader<K, L>(loader: L) -> DataLoader<L>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    L: Loader<K>,
{
    DataLoader::new(loader, tokio::spawn).delay(BATCH_WINDOW)
}

impl Loaders {
    pub fn new(pool: &DbPool) -> Self {
        Self {
            social_works: loader(SocialWorkLoader(pool.clone())),
            patients: loader(PatientLoader(pool.clone())),
            patient_counts: loader(PatientCountLoader(pool.clone())),
            patient_pages: loader(PatientPageLoader(pool.clone())),
            users: loader(UserLoader(pool.clone())),
        }
    }
}
