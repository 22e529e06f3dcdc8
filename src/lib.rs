//! The insurance back office of a clinic, as a GraphQL API.

/// Shared application state: pool, JWT keys, configuration.
pub mod app;
/// Roles, JWT claims and keys, password hashing, the role guard.
pub mod auth;
/// EPS authorizations per specialty and site: validity check, batch, audit trail.
pub mod authorizations;
/// Availability blocks, slots and appointments under the EPS agreements.
pub mod booking;
/// EPS, specialties and sites.
pub mod catalog;
/// Environment configuration and the command line.
pub mod config;
/// Pool, migrations, generated schema, constraint names to user errors.
pub mod db;
/// Demo data for a new database.
pub mod demo;
/// The error policy: what each layer returns and what clients see.
pub mod error;
/// Schema assembly and limits, global IDs and `Node`, connections, scalars, user errors.
pub mod graphql;
/// The axum router and its layers.
pub mod http;
/// Orders and their items, the billing rule, the SUAP import.
pub mod orders;
/// Patients and their affiliation.
pub mod patients;
/// Practitioners: the providers and prescribers of orders.
pub mod practitioners;
/// Building the state and serving, shared by the binary and the tests.
pub mod server;
/// Social works (obras sociales).
pub mod social_works;
/// Users, login and the viewer.
pub mod users;
