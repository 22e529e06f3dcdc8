//! Orders and their items as SUAP describes them, the billing rule, and the SUAP import.

mod graphql;
pub mod import;
pub mod loaders;
pub mod model;
pub mod status;

pub use graphql::{OrderMutation, OrderQuery};
pub use model::{Order, OrderItem};
