//! Shared application state: the pool, the JWT keys, the configuration.

use std::{ops::Deref, sync::Arc};

use crate::{
    auth::JwtKeys,
    config::Config,
    db::{DbPool, QueryCounter},
};

pub struct App {
    pub pool: DbPool,
    pub jwt: JwtKeys,
    pub config: Config,
    /// SQL statements run through `pool` since start.
    pub queries: QueryCounter,
}

#[derive(Clone)]
pub struct AppState(pub Arc<App>);

impl Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}
