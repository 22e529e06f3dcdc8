//! The one integration-test binary: the whole service through its GraphQL endpoint, in
//! memory, against a real PostgreSQL.

mod auth;
mod authorizations;
mod billing;
mod booking;
mod catalog;
mod common;
mod faults;
mod graphiql;
mod hostile;
mod http;
mod limits;
mod orders;
mod pagination;
mod patients;
mod pgbouncer;
mod replicas;
mod schema;
mod security;
mod social_works;
mod suap_people;
