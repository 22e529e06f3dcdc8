//! Users: login, accounts and the viewer.

mod graphql;
pub mod model;

pub use graphql::{UserMutation, UserQuery};
pub use model::User;
