//! Patients and their affiliation to a social work.

mod graphql;
pub mod loaders;
pub mod matching;
pub mod model;

pub use graphql::{PatientMutation, PatientQuery, page_of_social_work};
pub use model::{DocumentType, Patient};
