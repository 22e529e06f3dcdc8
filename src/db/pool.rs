//! The deadpool pool of diesel-async connections, database creation and migrations.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use diesel::{
    ConnectionError,
    connection::{Instrumentation, InstrumentationEvent},
};
use diesel_async::{
    AsyncConnection, AsyncMigrationHarness, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection,
    pooled_connection::{
        AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
        deadpool::{Object, Pool, PoolError},
    },
};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use futures_util::FutureExt;

use crate::config::{PoolMode, redact_url};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

pub type DbPool = Pool<AsyncPgConnection>;
pub type DbConn = Object<AsyncPgConnection>;

/// Connections one request may hold at once. Without a bound, a document with hundreds of
/// aliased root fields took every connection of the pool (each field resolves concurrently)
/// and other users' requests waited behind it.
pub const MAX_REQUEST_CONNECTIONS: usize = 2;

/// The pool as one request sees it: at most [`MAX_REQUEST_CONNECTIONS`] connections at once;
/// the request's other resolvers wait for one of those, not for the whole pool.
#[derive(Clone)]
pub struct RequestPool {
    pool: DbPool,
    /// DATABASE_READ_URL's pool, for a read-only request's lag-tolerant reads.
    replica: Option<DbPool>,
    /// Where a read goes when the replica gives no connection: the primary.
    fallback: Option<DbPool>,
    permits: Arc<tokio::sync::Semaphore>,
}

/// A pooled connection and the request's permit to hold it; both go back on drop.
pub struct RequestConn {
    conn: DbConn,
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl RequestPool {
    pub fn new(pool: &DbPool) -> Self {
        Self::with_replica(pool, None)
    }

    /// A request that may send its lag-tolerant reads to `replica` (a streaming replica).
    pub fn with_replica(pool: &DbPool, replica: Option<&DbPool>) -> Self {
        Self {
            pool: pool.clone(),
            replica: replica.cloned(),
            fallback: None,
            permits: Arc::new(tokio::sync::Semaphore::new(MAX_REQUEST_CONNECTIONS)),
        }
    }

    /// Whether this request's lists may come from a streaming replica.
    pub fn reads_replica(&self) -> bool {
        self.replica.is_some()
    }

    /// Where lists, searches and summaries read: the replica when the request may use one,
    /// else the primary. Same permits: the request's bound on connections covers both.
    pub fn for_reads(&self) -> Self {
        match &self.replica {
            Some(replica) => Self {
                pool: replica.clone(),
                replica: None,
                fallback: Some(self.pool.clone()),
                permits: self.permits.clone(),
            },
            None => self.clone(),
        }
    }

    /// A connection once one of the request's permits is free (within the pool's own wait
    /// timeout, so that no shape of request can wait forever).
    pub async fn get(&self) -> Result<RequestConn, PoolError> {
        let permit = tokio::time::timeout(POOL_WAIT_TIMEOUT, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| PoolError::Timeout(deadpool::managed::TimeoutType::Wait))?
            .expect("the semaphore is never closed");
        let conn = match (self.pool.get().await, &self.fallback) {
            (Ok(conn), _) => conn,
            // The replica is down or unreachable: its reads are the primary's to answer.
            (Err(err), Some(primary)) => {
                tracing::warn!(error = %err, "read replica unavailable; reading the primary");
                primary.get().await?
            }
            (Err(err), None) => return Err(err),
        };
        Ok(RequestConn {
            conn,
            _permit: permit,
        })
    }
}

impl std::ops::Deref for RequestConn {
    type Target = AsyncPgConnection;
    fn deref(&self) -> &AsyncPgConnection {
        &self.conn
    }
}

impl std::ops::DerefMut for RequestConn {
    fn deref_mut(&mut self) -> &mut AsyncPgConnection {
        &mut self.conn
    }
}

/// How long a request waits for a free connection before answering SERVICE_UNAVAILABLE.
pub const POOL_WAIT_TIMEOUT: Duration = Duration::from_secs(5);
/// Also bounds connecting, so an unreachable server fails fast instead of hanging requests.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Settings every session of the service runs with: no statement may hold a connection (and
/// its locks) longer than the timeout, and JIT compilation is off (our statements are short,
/// and compiling them cost more than running them: 50 ms of JIT for a 20 ms billing summary,
/// seen in the benchmark's EXPLAIN ANALYZE). PgBouncer does not carry these from one server
/// session to the next, so in transaction pooling they are the database's defaults instead.
const SESSION_SETTINGS: [(&str, &str); 2] = [("statement_timeout", "10s"), ("jit", "off")];

/// Counts the SQL statements run through the pool: tests assert that a request's statement
/// count does not grow with the page size, and benchmarks report it per request.
#[derive(Clone, Default)]
pub struct QueryCounter(Arc<AtomicU64>);

impl QueryCounter {
    pub fn get(&self) -> u64 {
        AtomicU64::load(&self.0, Ordering::Relaxed)
    }
}

struct CountQueries(QueryCounter);

impl Instrumentation for CountQueries {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            self.0.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Builds the pool; connections are made lazily, each set up with a statement timeout and
/// an application name (visible in pg_stat_activity).
/// `time_zone` becomes each session's TimeZone, so `current_date` is the clinic's today.
pub fn build_pool(
    database_url: &str,
    size: usize,
    time_zone: &str,
    mode: PoolMode,
    counter: QueryCounter,
) -> DbPool {
    let setup = session_setup(time_zone, mode);
    let mut manager_config = ManagerConfig::default();
    // A broken connection is noticed by its failing query and dropped; verifying every
    // checkout with `SELECT 1` would cost a round trip per loader per request.
    manager_config.recycling_method = RecyclingMethod::Fast;
    manager_config.custom_setup = Box::new(move |url| {
        let (counter, setup) = (counter.clone(), setup.clone());
        async move {
            let mut conn = tokio::time::timeout(CONNECT_TIMEOUT, AsyncPgConnection::establish(url))
                .await
                .map_err(|_| ConnectionError::BadConnection("connection timed out".into()))??;
            conn.batch_execute(&setup)
                .await
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
            conn.set_instrumentation(CountQueries(counter));
            Ok(conn)
        }
        .boxed()
    });
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(
        database_url,
        manager_config,
    );
    Pool::builder(manager)
        .max_size(size)
        .runtime(deadpool::Runtime::Tokio1)
        .wait_timeout(Some(POOL_WAIT_TIMEOUT))
        .create_timeout(Some(CONNECT_TIMEOUT))
        .recycle_timeout(Some(CONNECT_TIMEOUT))
        .build()
        .expect("a runtime is set, so building the pool cannot fail")
}

/// The statements every new connection runs. `time_zone` was checked against a strict
/// character set by the configuration, so it can be spliced in. Behind a transaction pooler
/// only the parameters PgBouncer tracks per client (and sets again on whichever server session
/// runs the client's next transaction) are set here; the others are the database's defaults
/// (`set_database_defaults`).
fn session_setup(time_zone: &str, mode: PoolMode) -> String {
    let mut setup = format!("SET application_name = 'clinic'; SET TIME ZONE '{time_zone}'");
    if mode == PoolMode::Session {
        for (name, value) in SESSION_SETTINGS {
            setup.push_str(&format!("; SET {name} = '{value}'"));
        }
    }
    setup
}

/// For transaction pooling: makes `SESSION_SETTINGS` the defaults of `url`'s database (where
/// they differ), so that every server session PgBouncer opens starts with them. Compares with
/// the database's own defaults (`pg_db_role_setting`, for every role), not with this session's
/// values, which a setting of the direct URL's role could make look right. Needs the
/// database's owner; otherwise the error says what to run.
pub async fn set_database_defaults(url: &str) -> Result<(), StartupError> {
    #[derive(diesel::QueryableByName)]
    struct Current {
        #[diesel(sql_type = diesel::sql_types::Text)]
        database: String,
        #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
        values: Vec<String>,
    }
    let mut conn = connect_at_start(url).await?;
    let names: Vec<&str> = SESSION_SETTINGS.iter().map(|(name, _)| *name).collect();
    // Each setting's database-wide default, '' where there is none.
    let current: Current = diesel::sql_query(
        "SELECT current_database()::text AS database, \
                array(SELECT coalesce((SELECT substr(c, length(n) + 2) \
                                         FROM pg_db_role_setting d, unnest(d.setconfig) AS c \
                                        WHERE d.setrole = 0 AND split_part(c, '=', 1) = n \
                                          AND d.setdatabase = (SELECT oid FROM pg_database \
                                                                WHERE datname = current_database())), '') \
                        FROM unnest($1::text[]) WITH ORDINALITY AS s(n, i) ORDER BY i) AS values",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(&names)
    .get_result(&mut conn)
    .await
    .map_err(|err| StartupError::Migration {
        reason: err.to_string(),
    })?;
    let quoted = current.database.replace('"', "\"\"");
    for ((name, value), current) in SESSION_SETTINGS.iter().zip(&current.values) {
        if current == value {
            continue;
        }
        let statement = format!("ALTER DATABASE \"{quoted}\" SET {name} = '{value}'");
        conn.batch_execute(&statement).await.map_err(|err| {
            StartupError::Config(format!(
                "DATABASE_POOL_MODE=transaction: PgBouncer does not keep session settings, \
                     so `{name}` must be the database's default, and setting it failed ({}). \
                     Run as the database's owner: {statement}",
                err.to_string().trim()
            ))
        })?;
        tracing::info!(setting = name, %value, was = %current, "database default set for transaction pooling");
    }
    Ok(())
}

/// Fails unless PostgreSQL knows `time_zone`.
pub async fn check_time_zone(url: &str, time_zone: &str) -> Result<(), StartupError> {
    let mut conn = connect_at_start(url).await?;
    conn.batch_execute(&session_setup(time_zone, PoolMode::Session))
        .await
        .map_err(|_| {
            StartupError::Config(format!(
                "CLINIC_TIME_ZONE: PostgreSQL does not know the time zone `{time_zone}`"
            ))
        })
}

/// Why the service could not start; `Display` is the one line the operator reads.
#[derive(Debug)]
pub enum StartupError {
    Unreachable { url: String, reason: String },
    CreateDatabase { name: String, reason: String },
    Migration { reason: String },
    Config(String),
}

impl std::fmt::Display for StartupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreachable { url, reason } => write!(
                f,
                "cannot connect to PostgreSQL at {url}: {reason}. Is the server running? \
                 Start it (e.g. `pg_ctlcluster 15 main start`) or set DATABASE_URL."
            ),
            Self::CreateDatabase { name, reason } => write!(
                f,
                "cannot create the database `{name}`: {reason}. Create it beforehand, or give \
                 DATABASE_URL's role the CREATEDB privilege"
            ),
            Self::Migration { reason } => write!(f, "applying migrations failed: {reason}"),
            Self::Config(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for StartupError {}

/// `connect`, its failure the start-up error that names the server.
async fn connect_at_start(url: &str) -> Result<AsyncPgConnection, StartupError> {
    connect(url).await.map_err(|err| StartupError::Unreachable {
        url: redact_url(url),
        reason: err.to_string(),
    })
}

pub(super) async fn connect(url: &str) -> Result<AsyncPgConnection, ConnectionError> {
    tokio::time::timeout(CONNECT_TIMEOUT, AsyncPgConnection::establish(url))
        .await
        .unwrap_or_else(|_| {
            Err(ConnectionError::BadConnection(
                "connection timed out".into(),
            ))
        })
}

/// Connects to `url`, creating its database first if the server says it does not exist.
pub async fn ensure_database(url: &str) -> Result<(), StartupError> {
    let unreachable = |err: ConnectionError| StartupError::Unreachable {
        url: redact_url(url),
        reason: err.to_string().trim().to_owned(),
    };
    match connect(url).await {
        Ok(_) => Ok(()),
        Err(err) if err.to_string().contains("does not exist") => {
            let (server_url, name) = split_database(url).ok_or_else(|| unreachable(err))?;
            let mut admin = connect(&format!("{server_url}/postgres"))
                .await
                .map_err(unreachable)?;
            tracing::info!(database = %name, "creating database");
            let created =
                diesel::sql_query(format!("CREATE DATABASE \"{}\"", name.replace('"', "\"\"")))
                    .execute(&mut admin)
                    .await;
            match created {
                Ok(_) => Ok(()),
                // Another replica starting at the same moment created it first: what we wanted.
                // (Whatever the server's language: if the database now answers, it exists.)
                Err(e) if lost_creation_race(&e) || connect(url).await.is_ok() => {
                    tracing::info!(database = %name, "database created by another replica meanwhile");
                    Ok(())
                }
                Err(e) => Err(StartupError::CreateDatabase {
                    name,
                    reason: e.to_string(),
                }),
            }
        }
        Err(err) => Err(unreachable(err)),
    }
}

/// `CREATE DATABASE` of a name another session created concurrently: 42P04, or the catalogue's
/// unique index when both passed the existence check together.
fn lost_creation_race(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match error {
        Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => true,
        Error::DatabaseError(_, info) => info.message().contains("already exists"),
        _ => false,
    }
}

/// `postgres://u@h:5432/clinic?x=y` -> (`postgres://u@h:5432`, `clinic`).
fn split_database(url: &str) -> Option<(&str, String)> {
    let path_start = url.find("://")? + 3;
    let slash = path_start + url[path_start..].find('/')?;
    let name = url[slash + 1..].split('?').next()?.to_owned();
    (!name.is_empty()).then_some((&url[..slash], name))
}

/// Whether the server at `url` is a standby (`pg_is_in_recovery()`), connecting as the pool
/// does; an error names DATABASE_READ_URL, the only URL asked.
pub async fn is_standby(url: &str) -> Result<bool, StartupError> {
    #[derive(diesel::QueryableByName)]
    struct Recovery {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        standby: bool,
    }
    let failed = |reason: String| StartupError::Unreachable {
        url: format!("{} (DATABASE_READ_URL)", redact_url(url)),
        reason,
    };
    let mut conn = connect(url).await.map_err(|e| failed(e.to_string()))?;
    let recovery: Recovery = diesel::sql_query("SELECT pg_is_in_recovery() AS standby")
        .get_result(&mut conn)
        .await
        .map_err(|e| failed(e.to_string()))?;
    Ok(recovery.standby)
}

/// Applies pending migrations. The harness blocks, so it runs on a blocking thread.
pub async fn run_migrations(url: &str) -> Result<(), StartupError> {
    let mut conn = connect_at_start(url).await?;
    // An index build on a large table may outlast the statement timeout that transaction
    // pooling makes the database's default.
    conn.batch_execute("SET statement_timeout = 0")
        .await
        .map_err(|err| StartupError::Migration {
            reason: err.to_string(),
        })?;
    tokio::task::spawn_blocking(move || {
        let mut harness = AsyncMigrationHarness::new(conn);
        harness.run_pending_migrations(MIGRATIONS).map(|applied| {
            for version in applied {
                tracing::info!(%version, "applied migration");
            }
        })
    })
    .await
    .map_err(|e| StartupError::Migration {
        reason: e.to_string(),
    })?
    .map_err(|e| StartupError::Migration {
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_database_name() {
        assert_eq!(
            super::split_database("postgres://u@h:5432/clinic?sslmode=disable"),
            Some(("postgres://u@h:5432", "clinic".to_owned()))
        );
        assert_eq!(super::split_database("postgres://u@h:5432"), None);
    }
}
