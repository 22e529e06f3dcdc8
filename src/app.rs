//! Shared application state: the pool, the JWT keys, the configuration.

use std::{
    ops::Deref,
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64},
    },
};

use crate::{
    auth::JwtKeys,
    config::Config,
    db::{DbPool, QueryCounter},
};

pub struct App {
    pub pool: DbPool,
    /// DATABASE_READ_URL's pool, if a streaming replica is configured.
    pub read_pool: Option<DbPool>,
    pub jwt: JwtKeys,
    pub config: Config,
    /// SQL statements run through `pool` and `read_pool` since start.
    pub queries: QueryCounter,
    /// GraphQL requests executed since start (with `queries`, statements per request).
    pub requests: AtomicU64,
    /// Demo mode with the demo `admin` still opened by the published password (decided at
    /// start-up): only then does GraphiQL's page carry a token of that admin.
    pub demo_admin_open: AtomicBool,
}

#[derive(Clone)]
pub struct AppState(pub Arc<App>);

impl Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}
