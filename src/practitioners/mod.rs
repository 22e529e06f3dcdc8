//! Practitioners: the providers (prestadores) and prescribers (prescriptores) of orders, found
//! by SUAP imports and registered or corrected by staff.

mod graphql;
pub mod matching;
pub mod model;

pub use graphql::{PractitionerMutation, PractitionerQuery};
pub use model::Practitioner;
