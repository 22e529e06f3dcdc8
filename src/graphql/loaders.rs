//! The DataLoaders of one request. Built per request, never per schema: a cache shared
//! between requests would leak rows across users and serve stale data.

use std::{
    collections::HashMap,
    marker::PhantomData,
    ops::Deref,
    sync::{Arc, OnceLock},
    time::Duration,
};

use async_graphql::{
    Context,
    dataloader::{DataLoader, HashMapCache, Loader},
};

use crate::{
    authorizations::{
        Authorization,
        loaders::{AuditLoader, AuthorizedLoader, LapsedLoader},
    },
    booking::{
        Appointment, Availability, Slot,
        loaders::{
            AppointmentAuditLoader, AppointmentCountLoader, AppointmentPageLoader, BookedLoader,
            SlotsLoader,
        },
    },
    catalog::{Eps, Location, Specialty},
    db::{FetchById, RequestPool},
    error::{AppError, AppResult},
    orders::{Order, OrderItem, loaders::ItemsLoader},
    patients::{
        Patient,
        loaders::{PatientCountLoader, PatientPageLoader},
    },
    practitioners::Practitioner,
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

/// Rows of `T` by id, one statement per batch. Shared (`Arc`), because a loader hands out a
/// copy of its value for every key asked: 50 patients of one page ask for their social works
/// 50 times, and each copy of a row with a dozen strings is a dozen allocations.
pub struct ById<T>(RequestPool, PhantomData<T>);

impl<T: FetchById> Lazy<ById<T>> {
    /// The row that `owner` names through a NOT NULL foreign key. Its absence would be the
    /// database breaking its own constraint: an internal error, never a null for the client.
    /// Unless `owner` came from the read replica (DATABASE_READ_URL), which may still list a
    /// row the primary has deleted with what it names: then the answer is a moment early,
    /// and the request is unavailable (to retry), not broken.
    pub async fn referenced(&self, id: i32, owner: &str, owner_id: i32) -> AppResult<Arc<T>> {
        self.load_one(id).await?.ok_or_else(|| {
            if self.pool.reads_replica() {
                tracing::warn!(
                    owner,
                    owner_id,
                    id,
                    "listed by the replica, gone from the primary"
                );
                return AppError::Unavailable;
            }
            AppError::internal(format_args!(
                "{owner} {owner_id} references a missing row {id}"
            ))
        })
    }
}

impl<T: FetchById> Loader<i32> for ById<T> {
    type Value = Arc<T>;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Arc<T>>, AppError> {
        let rows = T::fetch(&mut *self.0.get().await?, keys).await?;
        Ok(rows
            .into_iter()
            .map(|row| (row.id(), Arc::new(row)))
            .collect())
    }
}

/// A loader with the request's cache (see [`Loaders::new`]).
pub type Cached<L> = DataLoader<L, HashMapCache>;

pub struct Loaders {
    /// Whether loaded rows are kept for the rest of the request (queries only).
    cached: bool,
    /// The request's connections, shared by its loaders and resolvers.
    pool: RequestPool,
    pub social_works: Lazy<ById<SocialWork>>,
    pub patients: Lazy<ById<Patient>>,
    pub users: Lazy<ById<User>>,
    pub eps: Lazy<ById<Eps>>,
    pub specialties: Lazy<ById<Specialty>>,
    pub locations: Lazy<ById<Location>>,
    pub authorizations: Lazy<ById<Authorization>>,
    pub orders: Lazy<ById<Order>>,
    pub practitioners: Lazy<ById<Practitioner>>,
    pub order_items: Lazy<ItemsLoader>,
    pub order_item_rows: Lazy<ById<OrderItem>>,
    pub patient_counts: Lazy<PatientCountLoader>,
    pub patient_pages: Lazy<PatientPageLoader>,
    pub audit: Lazy<AuditLoader>,
    pub authorized: Lazy<AuthorizedLoader>,
    pub lapsed: Lazy<LapsedLoader>,
    pub availabilities: Lazy<ById<Availability>>,
    pub slots: Lazy<ById<Slot>>,
    pub appointments: Lazy<ById<Appointment>>,
    pub block_slots: Lazy<SlotsLoader>,
    pub block_booked: Lazy<BookedLoader>,
    pub appointment_counts: Lazy<AppointmentCountLoader>,
    pub appointment_pages: Lazy<AppointmentPageLoader>,
    pub appointment_audit: Lazy<AppointmentAuditLoader>,
}

/// A loader made on first use: a request uses one or two of the two dozen, and making them
/// all (an `Arc`, a mutex and maps each) showed in profiles of the smallest requests.
pub struct Lazy<L> {
    pool: RequestPool,
    cached: bool,
    make: fn(RequestPool) -> L,
    cell: OnceLock<Cached<L>>,
}

impl<L> Lazy<L> {
    fn new(pool: &RequestPool, cached: bool, make: fn(RequestPool) -> L) -> Self {
        Self {
            pool: pool.clone(),
            cached,
            make,
            cell: OnceLock::new(),
        }
    }
}

impl<L: Send + Sync + 'static> Deref for Lazy<L> {
    type Target = Cached<L>;

    fn deref(&self) -> &Cached<L> {
        self.cell.get_or_init(|| {
            let loader = DataLoader::with_cache(
                (self.make)(self.pool.clone()),
                // A batch logs inside the request's span (its request_id).
                |batch| tokio::spawn(tracing::Instrument::in_current_span(batch)),
                HashMapCache::default(),
            )
            .delay(BATCH_WINDOW);
            loader.enable_all_cache(self.cached);
            loader
        })
    }
}

impl Loaders {
    /// `cached`: keep what is loaded for the rest of the request. Only for documents that
    /// are all queries: a mutation may change a row after it was loaded.
    pub fn new(pool: &RequestPool, cached: bool) -> Self {
        fn by_id<T: FetchById>(pool: &RequestPool, cached: bool) -> Lazy<ById<T>> {
            Lazy::new(pool, cached, |pool| ById(pool, PhantomData))
        }
        Self {
            cached,
            pool: pool.clone(),
            social_works: by_id(pool, cached),
            patients: by_id(pool, cached),
            users: by_id(pool, cached),
            eps: by_id(pool, cached),
            specialties: by_id(pool, cached),
            locations: by_id(pool, cached),
            authorizations: by_id(pool, cached),
            orders: by_id(pool, cached),
            practitioners: by_id(pool, cached),
            order_items: Lazy::new(pool, cached, ItemsLoader),
            order_item_rows: by_id(pool, cached),
            patient_counts: Lazy::new(pool, cached, PatientCountLoader),
            patient_pages: Lazy::new(pool, cached, PatientPageLoader),
            audit: Lazy::new(pool, cached, AuditLoader),
            authorized: Lazy::new(pool, cached, AuthorizedLoader),
            lapsed: Lazy::new(pool, cached, LapsedLoader),
            availabilities: by_id(pool, cached),
            slots: by_id(pool, cached),
            appointments: by_id(pool, cached),
            block_slots: Lazy::new(pool, cached, SlotsLoader),
            block_booked: Lazy::new(pool, cached, BookedLoader),
            appointment_counts: Lazy::new(pool, cached, AppointmentCountLoader),
            appointment_pages: Lazy::new(pool, cached, AppointmentPageLoader),
            appointment_audit: Lazy::new(pool, cached, AppointmentAuditLoader),
        }
    }

    /// The request's connections.
    pub fn pool(&self) -> &RequestPool {
        &self.pool
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
    /// Whether loaded rows stay for the rest of the request: a page that read related rows
    /// anyway may then hand them to the loaders (`feed_many`).
    pub fn caching(&self) -> bool {
        self.cached
    }

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
