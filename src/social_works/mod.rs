//! Social works (obras sociales): Argentine health insurers the clinic bills.

mod graphql;
pub mod matching;
pub mod model;

pub use graphql::{SocialWorkMutation, SocialWorkQuery};
pub use model::{SocialWork, SocialWorkState};
