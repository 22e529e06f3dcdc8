//! The login throttle: failed logins slow down further attempts, per username, per client
//! address and per (address, username), with a growing back-off (`login_delay` in SQL). The
//! state lives in PostgreSQL (`login_throttle`), so every replica of the service counts the
//! same failures.
//!
//! - Per address: 20 free failures, then 1 s, 2 s, 4 s... up to 15 minutes: one machine
//!   spraying passwords over many usernames.
//! - Per address and username: 5 free failures, then up to 15 minutes.
//! - Per username, from anywhere: 10 free failures, then at most 60 s, and never for an
//!   address the user has logged in from in the last 30 days. So a distributed guesser gets a
//!   few guesses a minute at one account, and cannot lock its owner out of their usual desk;
//!   from a new address the owner waits a minute at most.
//!
//! A throttled attempt is answered without checking the password (RATE_LIMITED), whether or
//! not the user exists, and does not extend the back-off.

use std::net::IpAddr;

use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Integer, Nullable, Text},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// (free failures, longest back-off in seconds) of each key kind.
const ADDRESS: (i32, i32) = (20, 900);
const PAIR: (i32, i32) = (5, 900);
const USERNAME: (i32, i32) = (10, 60);

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
    fn login_failure(throttle_key: Text, free: Integer, max_seconds: Integer);
}

/// Seconds to wait before this attempt may be checked; `None` when it may be now. Times are
/// PostgreSQL's, so replicas with skewed clocks agree.
pub async fn wait(conn: &mut AsyncPgConnection, keys: &Keys) -> QueryResult<Option<u64>> {
    #[derive(QueryableByName)]
    struct Wait {
        #[diesel(sql_type = Nullable<BigInt>)]
        seconds: Option<i64>,
    }
    let wait: Wait = diesel::sql_query(
        "SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int8 AS seconds
           FROM login_throttle
          WHERE key = ANY($1) AND blocked_until > now()
            AND NOT (key = $2 AND EXISTS (
                SELECT FROM login_throttle WHERE key = $3 AND trusted_until > now()))",
    )
    .bind::<Array<Text>, _>(vec![&keys.address, &keys.pair, &keys.user])
    .bind::<Text, _>(&keys.user)
    .bind::<Text, _>(&keys.pair)
    .get_result(conn)
    .await?;
    Ok(wait.seconds.map(|s| s.max(1) as u64))
}

/// Counts a failed attempt under its three keys, and forgets failures older than a day.
pub async fn failed(conn: &mut AsyncPgConnection, keys: &Keys) -> QueryResult<()> {
    diesel::select((
        login_failure(&keys.address, ADDRESS.0, ADDRESS.1),
        login_failure(&keys.pair, PAIR.0, PAIR.1),
        login_failure(&keys.user, USERNAME.0, USERNAME.1),
    ))
    .execute(conn)
    .await?;
    diesel::sql_query(
        "DELETE FROM login_throttle
          WHERE last_failure < now() - interval '1 day'
            AND (trusted_until IS NULL OR trusted_until < now())",
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A successful login: the username's failures are forgotten and this address is trusted
/// for the user for 30 days. The address's own count stays: a caller who owns one account
/// must not clear the failures it made guessing others.
pub async fn succeeded(conn: &mut AsyncPgConnection, keys: &Keys) -> QueryResult<()> {
    diesel::sql_query(
        "WITH forgotten AS (DELETE FROM login_throttle WHERE key = $1)
         INSERT INTO login_throttle (key, trusted_until) VALUES ($2, now() + interval '30 days')
         ON CONFLICT (key) DO UPDATE
            SET failures = 0, blocked_until = NULL, trusted_until = excluded.trusted_until",
    )
    .bind::<Text, _>(&keys.user)
    .bind::<Text, _>(&keys.pair)
    .execute(conn)
    .await?;
    Ok(())
}
