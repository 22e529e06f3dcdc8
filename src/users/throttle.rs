//! The login throttle: failed logins slow down further attempts, per username, per client
//! address and per (address, username), with a growing back-off. The rule is SQL
//! (`login_attempt`, `login_delay`, migration 000008) and its state lives in PostgreSQL
//! (`login_throttle`), so every replica of the service counts the same failures. In words:
//!
//! - Per address: 20 free failures, then 1 s, 2 s, 4 s... up to 15 minutes: one machine
//!   spraying passwords over many usernames.
//! - Per address and username: 5 free failures, then up to 15 minutes.
//! - Per username, from anywhere: 10 free failures, then at most 60 s. So a distributed
//!   guesser gets a few guesses a minute at one account; from a new address its owner waits a
//!   minute at most.
//!
//! An address the user logged in from in the last 30 days is *trusted* for them: only its own
//! (address, username) count applies there, so an attacker elsewhere, or behind the same
//! proxy guessing other accounts, cannot lock the owner out of their usual desk.
//!
//! Every attempt is counted before its password is checked, atomically with the back-off
//! check (`login_attempt`, rows locked in key order), and a success is refunded; so a burst of
//! concurrent guesses takes turns instead of all passing the check first. A throttled attempt
//! is answered without checking the password (RATE_LIMITED), whether or not the user exists,
//! and does not extend the back-off.

use std::net::IpAddr;

use diesel::{prelude::*, sql_types::Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// The throttle keys of one login attempt.
pub struct Keys {
    user: String,
    address: String,
    pair: String,
}

impl Keys {
    /// IPv6 clients are keyed by their /64: one host is usually given a whole /64.
    pub fn new(username: &str, client: Option<IpAddr>) -> Self {
        let username: String = username.trim().to_lowercase().chars().take(60).collect();
        let address = match client {
            // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d: key them as IPv4.
            Some(ip) if ip.to_canonical().is_ipv4() => ip.to_canonical().to_string(),
            Some(IpAddr::V4(v4)) => v4.to_string(),
            Some(IpAddr::V6(v6)) => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
            None => "unknown".to_owned(),
        };
        Self {
            pair: format!("pair:{address}|{username}"),
            user: format!("user:{username}"),
            address: format!("addr:{address}"),
        }
    }
}

diesel::define_sql_function! {
    /// Seconds to wait (nothing counted), or 0 once the attempt is counted (migration 000008).
    fn login_attempt(address_key: Text, pair_key: Text, user_key: Text) -> Integer;
}

diesel::define_sql_function! {
    fn login_success(address_key: Text, pair_key: Text, user_key: Text);
}

/// Counts this attempt before its password is checked, atomically with the check of the
/// back-off: `Some(seconds)` to wait (and nothing counted), `None` to go on. Counting first is
/// what keeps a burst of concurrent guesses from all passing the check before any failure is
/// recorded.
pub async fn attempt(conn: &mut AsyncPgConnection, keys: &Keys) -> QueryResult<Option<u64>> {
    let seconds: i32 = diesel::select(login_attempt(&keys.address, &keys.pair, &keys.user))
        .get_result(conn)
        .await?;
    Ok((seconds > 0).then_some(seconds as u64))
}

/// A successful login: its attempt is refunded to the address (unless the address was already
/// trusted, where it was not counted), the username's failures are forgotten and this address
/// is trusted for the user for 30 days. The address's other failures stay: a caller who owns
/// one account must not clear those it made guessing others.
pub async fn succeeded(conn: &mut AsyncPgConnection, keys: &Keys) -> QueryResult<()> {
    diesel::select(login_success(&keys.address, &keys.pair, &keys.user))
        .execute(conn)
        .await?;
    Ok(())
}
