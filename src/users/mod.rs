//! Users: login, accounts and the viewer.

mod graphql;
pub mod model;
pub mod throttle;

pub use graphql::{UserMutation, UserQuery};
pub use model::User;

/// Shortest password an account may have (`createUser`, `clinic set-password`).
pub const MIN_PASSWORD_LENGTH: usize = 10;
