//! EPS authorizations per specialty and site: agreements, the validity check, the batch
//! creation and the audit trail.

mod audit;
mod graphql;
pub mod loaders;
pub mod model;

pub use audit::AuditQuery;
pub use graphql::{AuthorizationMutation, AuthorizationQuery, authorized, lapsed_specialties};
pub use model::{Authorization, Scope};
