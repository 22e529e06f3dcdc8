//! The DataLoaders of one request. Built per request, never per schema: a cache shared
//! between requests would leak rows across users and serve stale data.

use std::{collections::HashMap, marker::PhantomData, time::Duration};

use async_graphql::{
    Context,
    dataloader::{DataLoader, HashMapCache, Loader},
};

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

/// A loader with the request's cache (see [`Loaders::new`]).
pub type Cached<L> = DataLoader<L, HashMapCache>;
pub type ByIdLoader<T> = Cached<ById<T>>;

pub struct Loaders {
    /// Whether loaded rows are kept for the rest of the request (queries only).
    cached: bool,
    pub social_works: ByIdLoader<SocialWork>,
    pub patients: ByIdLoader<Patient>,
    pub users: ByIdLoader<User>,
    pub eps: ByIdLoader<Eps>,
    pub specialties: ByIdLoader<Specialty>,
    pub locations: ByIdLoader<Location>,
    pub authorizations: ByIdLoader<Authorization>,
    pub orders: ByIdLoader<Order>,
    pub practitioners: ByIdLoader<Practitioner>,
    pub order_items: Cached<ItemsLoader>,
    pub patient_counts: Cached<PatientCountLoader>,
    pub patient_pages: Cached<PatientPageLoader>,
    pub audit: Cached<AuditLoader>,
    pub authorized: Cached<AuthorizedLoader>,
}

fn loader<K, L>(loader: L, cached: bool) -> Cached<L>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    L: Loader<K>,
{
    let loader =
        DataLoader::with_cache(loader, tokio::spawn, HashMapCache::default()).delay(BATCH_WINDOW);
    loader.enable_all_cache(cached);
    loader
}

impl Loaders {
    /// `cached`: keep what is loaded for the rest of the request. Only for documents that
    /// are all queries: a mutation may change a row after it was loaded.
    pub fn new(pool: &DbPool, cached: bool) -> Self {
        fn by_id<T: FetchById>(pool: &DbPool, cached: bool) -> ByIdLoader<T> {
            loader(ById(pool.clone(), PhantomData), cached)
        }
        Self {
            cached,
            social_works: by_id(pool, cached),
            patients: by_id(pool, cached),
            users: by_id(pool, cached),
            eps: by_id(pool, cached),
            specialties: by_id(pool, cached),
            locations: by_id(pool, cached),
            authorizations: by_id(pool, cached),
            orders: by_id(pool, cached),
            practitioners: by_id(pool, cached),
            order_items: loader(ItemsLoader(pool.clone()), cached),
            patient_counts: loader(PatientCountLoader(pool.clone()), cached),
            patient_pages: loader(PatientPageLoader(pool.clone()), cached),
            audit: loader(AuditLoader(pool.clone()), cached),
            authorized: loader(AuthorizedLoader(pool.clone()), cached),
        }
    }

    /// Loads `keys` at once, in one statement, into the request's cache, so that the nodes of
    /// a page find them there. The time-window batching alone splits a page's loads in two
    /// under load (the list's futures are polled in rounds of 32, and the window can close
    /// between rounds: 4.4 statements per page of 50 patients in the benchmark, not 2), and
    /// makes every page wait out the window. A no-op without the cache.
    pub async fn prime<L>(
        &self,
        loader: &Cached<L>,
        keys: impl IntoIterator<Item = i32>,
    ) -> Result<(), L::Error>
    where
        L: Loader<i32>,
    {
        if !self.cached {
            return Ok(());
        }
        let mut keys: Vec<i32> = keys.into_iter().collect();
        keys.sort_unstable();
        keys.dedup();
        if keys.is_empty() {
            return Ok(());
        }
        let values = loader.loader().load(&keys).await?;
        loader.feed_many(values).await;
        Ok(())
    }
}

impl Loaders {
    /// [`prime`](Self::prime), when the nodes of the page being resolved select `field`.
    pub async fn prime_selected<L>(
        &self,
        ctx: &Context<'_>,
        field: &str,
        loader: &Cached<L>,
        keys: impl IntoIterator<Item = i32>,
    ) -> Result<(), L::Error>
    where
        L: Loader<i32>,
    {
        match nodes_select(ctx, field) {
            true => self.prime(loader, keys).await,
            false => Ok(()),
        }
    }
}

/// Whether the nodes of the connection being resolved select `field` (under `nodes`, or
/// `edges { node }`): what a page should prime.
pub fn nodes_select(ctx: &Context<'_>, field: &str) -> bool {
    let ahead = ctx.look_ahead();
    ahead.field("nodes").field(field).exists()
        || ahead.field("edges").field("node").field(field).exists()
}
