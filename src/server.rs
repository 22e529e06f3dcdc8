//! Building the application state from configuration, start-up chores, and serving.

use std::sync::{Arc, atomic::Ordering};

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::{
    app::{App, AppState},
    auth::{JwtKeys, Role, hash_password, verify_password},
    config::{Config, PoolMode, Secret},
    db::{self, QueryCounter},
    demo, http, orders, users,
};
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};

/// Builds the state. Without JWT_SECRET nor JWT_PUBLIC_KEY_FILE (zero-config), a throwaway
/// secret is generated; the returned flag says so, since its tokens die with the process.
pub fn build_state(mut config: Config) -> anyhow::Result<(AppState, bool)> {
    config.validate().map_err(anyhow::Error::msg)?;
    anyhow::ensure!(
        config.token_ttl <= config.jwt_max_lifetime,
        "TOKEN_TTL ({:?}) is longer than JWT_MAX_LIFETIME ({:?}): the service would refuse its own tokens",
        config.token_ttl,
        config.jwt_max_lifetime
    );
    // Decided before a secret is generated below, which would make the configuration look
    // configured.
    config.demo = Some(config.demo_mode());
    let generated = config.jwt_secret.is_none() && config.jwt_public_key_file.is_none();
    if generated {
        let mut bytes = [0u8; 48];
        OsRng.fill_bytes(&mut bytes);
        config.jwt_secret = Some(Secret::new(URL_SAFE_NO_PAD.encode(bytes)));
    }
    let public_key = match &config.jwt_public_key_file {
        Some(path) => Some(std::fs::read(path).map_err(|e| {
            anyhow::anyhow!("JWT_PUBLIC_KEY_FILE: cannot read {}: {e}", path.display())
        })?),
        None => None,
    };
    let jwt = JwtKeys::new(
        config.jwt_secret.as_ref().map(|s| s.expose().as_bytes()),
        public_key.as_deref(),
        config.jwt_issuer.clone(),
        config.jwt_audience.clone(),
        config.token_ttl,
        config.jwt_max_lifetime,
    )
    .map_err(|e| anyhow::anyhow!("JWT_PUBLIC_KEY_FILE: not an RSA public key in PEM: {e}"))?;
    let queries = QueryCounter::default();
    let pool = db::build_pool(
        &config.database_url,
        usize::from(config.db_pool_size),
        &config.clinic_time_zone,
        config.database_pool_mode,
        queries.clone(),
    );
    let read_pool = config.database_read_url.as_deref().map(|url| {
        db::build_pool(
            url,
            usize::from(config.db_pool_size),
            &config.clinic_time_zone,
            config.database_pool_mode,
            queries.clone(),
        )
    });
    Ok((
        AppState(Arc::new(App {
            pool,
            read_pool,
            jwt,
            config,
            queries,
            requests: Default::default(),
            demo_admin_open: Default::default(),
        })),
        generated,
    ))
}

/// Creates the database if missing, then takes the start-up lock (replicas starting together
/// take turns) and applies migrations and recounts the billing rollup if the clinic's time
/// zone changed. The caller does its own chores while holding the returned lock, then releases it.
/// All of it connects to PostgreSQL directly (DATABASE_DIRECT_URL): the lock is session state.
pub async fn prepare_database(config: &Config) -> anyhow::Result<db::StartupLock> {
    // Also reached by `clinic migrate`, which builds no state: transaction mode without a
    // direct URL would take the session lock through PgBouncer.
    config.validate().map_err(anyhow::Error::msg)?;
    let url = config.direct_url();
    db::ensure_database(url).await?;
    let lock = db::StartupLock::acquire(url).await?;
    db::run_migrations(url).await?;
    db::check_time_zone(url, &config.clinic_time_zone).await?;
    if config.database_pool_mode == PoolMode::Transaction {
        db::set_database_defaults(url).await?;
    }
    align_billing_calendar(url, &config.clinic_time_zone).await?;
    Ok(lock)
}

/// The billing rollup counts days of the clinic's time zone: recounted when CLINIC_TIME_ZONE
/// changed since it was built (seconds for a large history, once).
pub async fn align_billing_calendar(url: &str, time_zone: &str) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(url).await?;
    // A recount of a long history may outlast the statement timeout a transaction-pooling
    // setup makes the database's default; it runs once, at start.
    conn.batch_execute("SET statement_timeout = 0").await?;
    if orders::model::align_billing_calendar(&mut conn, time_zone).await? {
        tracing::warn!(%time_zone, "billing rollup recounted in the clinic's time zone");
    }
    Ok(())
}

/// DATABASE_READ_URL must answer at start (a typo is found now, not as slow lists later), and
/// should be a standby: one that is not is used all the same, with a warning.
pub async fn check_read_replica(config: &Config) -> anyhow::Result<()> {
    if let Some(url) = &config.database_read_url
        && !db::is_standby(url).await?
    {
        tracing::warn!("DATABASE_READ_URL is not a standby (pg_is_in_recovery() is false)");
    }
    Ok(())
}

/// Start-up chores: demo data into an empty database (demo mode only), the ADMIN_USERNAME
/// admin with ADMIN_PASSWORD, and, outside demo mode, a refusal to serve while any account
/// can still be opened with the published demo password.
pub async fn initialise(state: &AppState) -> anyhow::Result<()> {
    let config = &state.config;
    let mut conn = state.pool.get().await?;
    if config.demo_mode() && demo::is_empty(&mut conn).await? {
        demo::load(&mut conn).await?;
        tracing::info!(
            "demo mode, empty database: loaded demo data (users admin, staff and viewer; password `{}`)",
            demo::DEMO_PASSWORD
        );
    }
    if let (Some(username), Some(password)) = (&config.admin_username, &config.admin_password) {
        // Written only when it changes: N replicas starting together write it once.
        let current = users::model::by_username(&mut conn, username).await?;
        let unchanged = match current.filter(|user| user.role == Role::Admin) {
            Some(user) => {
                let password = password.expose().to_owned();
                tokio::task::spawn_blocking(move || {
                    verify_password(&password, user.password_hash.as_deref())
                })
                .await?
            }
            None => false,
        };
        if unchanged {
            tracing::info!(%username, "admin user present with ADMIN_PASSWORD");
        } else {
            let password = password.expose().to_owned();
            let hash = tokio::task::spawn_blocking(move || hash_password(&password))
                .await?
                .map_err(|e| anyhow::anyhow!("ADMIN_PASSWORD: {e}"))?;
            let user = users::model::set_admin(&mut conn, username, &hash).await?;
            tracing::info!(username = %user.username, "admin user set, password from ADMIN_PASSWORD");
        }
    }
    let exposed = users::model::with_password(&mut conn, demo::DEMO_PASSWORD).await?;
    if config.demo_mode() {
        let open = exposed.iter().any(|username| username == "admin");
        state.demo_admin_open.store(open, Ordering::Relaxed);
    } else {
        anyhow::ensure!(
            exposed.is_empty(),
            "the account(s) {} still have the demo password `{}`, published in the README. \
             Give each a password of its own (`clinic set-password <username>`, or \
             ADMIN_USERNAME/ADMIN_PASSWORD for the admin), or start in demo mode \
             (--demo / CLINIC_DEMO=true) if this is a demo",
            exposed.join(", "),
            demo::DEMO_PASSWORD
        );
    }
    Ok(())
}

/// Serves the API on LISTEN_ADDR (and /metrics on METRICS_ADDR, if set) until SIGTERM/SIGINT.
pub async fn serve(state: AppState, generated_secret: bool) -> anyhow::Result<()> {
    let addr = state.config.listen_addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("LISTEN_ADDR: cannot listen on {addr}: {e}"))?;
    let metrics =
        match state.config.metrics_addr {
            Some(metrics_addr) => Some(tokio::net::TcpListener::bind(metrics_addr).await.map_err(
                |e| anyhow::anyhow!("METRICS_ADDR: cannot listen on {metrics_addr}: {e}"),
            )?),
            None => None,
        };
    tracing::info!(
        time_zone = %state.config.clinic_time_zone,
        "clinic time zone (CLINIC_TIME_ZONE): today's date and billing days are this zone's"
    );
    println!("GraphiQL: http://{addr}/graphql");
    if generated_secret {
        let (token, _) = state.jwt.issue("admin", Role::Admin)?;
        println!(
            "JWT_SECRET is not set: signing with a throwaway secret generated for this run \
             (tokens stop working when the service restarts).\n\
             Admin token, for GraphiQL's headers tab:\n{{\"Authorization\": \"Bearer {token}\"}}"
        );
    }
    let limits = ConnectionLimits::from(&state.config);
    let grace = state.config.shutdown_grace;
    let (stop, stopping) = tokio::sync::watch::channel(false);
    if let Some(listener) = metrics {
        let router = http::metrics_router(state.clone());
        let mut stopping = stopping.clone();
        tokio::spawn(serve_connections(listener, router, limits, async move {
            let _ = stopping.wait_for(|stop| *stop).await;
        }));
    }
    let mut served = std::pin::pin!(serve_connections(listener, http::router(state), limits, {
        let mut stopping = stopping.clone();
        async move {
            let _ = stopping.wait_for(|stop| *stop).await;
        }
    }));
    tokio::select! {
        () = &mut served => {}
        () = shutdown_signal() => {
            let _ = stop.send(true);
            // Stops accepting at once; in-flight requests finish, unless the grace period runs out.
            if tokio::time::timeout(grace, served).await.is_err() {
                tracing::warn!(?grace, "grace period over: dropping the requests still running");
            }
        }
    }
    tracing::info!("stopped");
    Ok(())
}

/// What one listener allows its connections.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Time to send a whole request head, from opening or from the previous response.
    pub header_timeout: std::time::Duration,
    /// Connections served at once.
    pub max_connections: usize,
}

impl From<&Config> for ConnectionLimits {
    fn from(config: &Config) -> Self {
        Self {
            header_timeout: config.http_header_timeout,
            max_connections: config.http_max_connections as usize,
        }
    }
}

/// HTTP/1.1 through hyper with a timer, so that a connection trickling its headers, or idle
/// after a response, is closed after `header_timeout` (hyper starts that timer whenever it
/// waits for a request head); at most `max_connections` at once, further ones left in the
/// listen queue. When `stop` resolves, the listener closes, idle connections close, and the
/// future resolves once the in-flight requests have finished. Each request carries its peer's
/// address (`ConnectInfo`), for the login throttle.
pub async fn serve_connections(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    limits: ConnectionLimits,
    stop: impl std::future::Future<Output = ()>,
) {
    use axum::extract::ConnectInfo;
    use hyper_util::{
        rt::{TokioIo, TokioTimer},
        server::graceful::GracefulShutdown,
        service::TowerToHyperService,
    };
    use tower::ServiceExt;

    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => permit.expect("never closed"),
            () = &mut stop => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors, or a connection reset before accept: wait a
                    // little rather than spin.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let service = router.clone().map_request(
            move |mut request: axum::extract::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        );
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, %peer, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// Resolves on SIGINT or SIGTERM; in-flight requests then finish before `serve` returns.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
