//! The Colombian side's catalogues: EPS (insurers), specialties and sites (locations).

mod graphql;
pub mod model;

pub use graphql::{CatalogMutation, CatalogQuery};
pub use model::{Eps, Location, Specialty};
