//! Who is calling: roles, JWT claims and keys, password hashing and the role guard.

mod guard;
mod jwt;
mod password;

pub use guard::{RoleGuard, require_role};
pub use jwt::{Claims, JwtKeys, TokenError};
pub use password::{bounded, hash_password, hashing_slots, peak_hashing, verify_password};

use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// What a user may do. Ordered: ADMIN > STAFF > VIEWER.
    #[derive(PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Role {
        /// Reads everything.
        Viewer => "VIEWER",
        /// Also registers patients and orders.
        Staff => "STAFF",
        /// Also keeps the catalogues (social works, EPS, authorizations) and users.
        Admin => "ADMIN",
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value.to_ascii_uppercase().as_str() {
            "ADMIN" => Ok(Self::Admin),
            "STAFF" => Ok(Self::Staff),
            "VIEWER" => Ok(Self::Viewer),
            _ => Err(format!("unknown role `{value}` (ADMIN, STAFF or VIEWER)")),
        }
    }
}

/// The caller of one request, put in the request data by the HTTP layer.
/// A missing token is `Anonymous`; a present but bad one is `Invalid`, never `Anonymous`.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    Invalid,
    User(Claims),
}

/// The network address a request came from (None in in-memory tests), put in the request
/// data by the HTTP layer for the login throttle.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<std::net::IpAddr>);
