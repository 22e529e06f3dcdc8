//! Building the application state from configuration, start-up chores, and serving.

use std::{future::IntoFuture, sync::Arc};

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::{
    app::{App, AppState},
    auth::{JwtKeys, Role, hash_password},
    config::{Config, Secret},
    db::{self, QueryCounter},
    demo, http, orders, users,
};
use diesel_async::{AsyncConnection, AsyncPgConnection};

/// Builds the state. Without JWT_SECRET nor JWT_PUBLIC_KEY_FILE (zero-config), a throwaway
/// secret is generated; the returned flag says so, since its tokens die with the process.
pub fn build_state(mut config: Config) -> anyhow::Result<(AppState, bool)> {
    config.validate().map_err(anyhow::Error::msg)?;
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
    )
    .map_err(|e| anyhow::anyhow!("JWT_PUBLIC_KEY_FILE: not an RSA public key in PEM: {e}"))?;
    let queries = QueryCounter::default();
    let pool = db::build_pool(
        &config.database_url,
        usize::from(config.db_pool_size),
        &config.clinic_time_zone,
        queries.clone(),
    );
    Ok((
        AppState(Arc::new(App {
            pool,
            jwt,
            config,
            queries,
            requests: Default::default(),
        })),
        generated,
    ))
}

/// Creates the database if missing and applies migrations.
pub async fn prepare_database(config: &Config) -> anyhow::Result<()> {
    db::ensure_database(&config.database_url).await?;
    db::run_migrations(&config.database_url).await?;
    db::check_time_zone(&config.database_url, &config.clinic_time_zone).await?;
    align_billing_calendar(&config.database_url, &config.clinic_time_zone).await
}

/// The billing rollup counts days of the clinic's time zone: recounted when CLINIC_TIME_ZONE
/// changed since it was built (seconds for a large history, once).
pub async fn align_billing_calendar(url: &str, time_zone: &str) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(url).await?;
    if orders::model::align_billing_calendar(&mut conn, time_zone).await? {
        tracing::warn!(%time_zone, "billing rollup recounted in the clinic's time zone");
    }
    Ok(())
}

/// Start-up chores: demo data into an empty database, and the ADMIN_USERNAME admin.
pub async fn initialise(state: &AppState) -> anyhow::Result<()> {
    let mut conn = state.pool.get().await?;
    if demo::is_empty(&mut conn).await? {
        demo::load(&mut conn).await?;
        tracing::info!(
            "empty database: loaded demo data (users admin, staff and viewer; password `{}`)",
            demo::DEMO_PASSWORD
        );
    }
    if let (Some(username), Some(password)) =
        (&state.config.admin_username, &state.config.admin_password)
    {
        let hash =
            hash_password(password.expose()).map_err(|e| anyhow::anyhow!("ADMIN_PASSWORD: {e}"))?;
        let user =
            users::model::find_or_create(&mut conn, username, Role::Admin, Some(&hash)).await?;
        tracing::info!(username = %user.username, "admin user present");
    }
    Ok(())
}

pub async fn serve(state: AppState, generated_secret: bool) -> anyhow::Result<()> {
    let addr = state.config.listen_addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("LISTEN_ADDR: cannot listen on {addr}: {e}"))?;
    println!("GraphiQL: http://{addr}/graphql");
    if generated_secret {
        let (token, _) = state.jwt.issue("admin", Role::Admin)?;
        println!(
            "JWT_SECRET is not set: signing with a throwaway secret generated for this run \
             (tokens stop working when the service restarts).\n\
             Admin token, for GraphiQL's headers tab:\n{{\"Authorization\": \"Bearer {token}\"}}"
        );
    }
    let grace = state.config.shutdown_grace;
    let stopping = Arc::new(tokio::sync::Notify::new());
    let server = axum::serve(listener, http::router(state)).with_graceful_shutdown({
        let stopping = stopping.clone();
        async move {
            shutdown_signal().await;
            stopping.notify_one();
        }
    });
    // Stops accepting at once; in-flight requests finish, unless the grace period runs out.
    tokio::select! {
        served = server.into_future() => served?,
        () = async { stopping.notified().await; tokio::time::sleep(grace).await } => {
            tracing::warn!(?grace, "grace period over: dropping the requests still running");
        }
    }
    tracing::info!("stopped");
    Ok(())
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
