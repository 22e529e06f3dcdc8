//! Start-up chores serialised across replicas. Several replicas started at once (a deploy)
//! would otherwise apply the same migrations together (and lose on `CREATE EXTENSION`'s unique
//! index), load the demo data twice and recount the billing rollup concurrently. One
//! session-level advisory lock of the service's database makes them take turns: the first
//! does the work, the others find nothing left to do.

use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::pool::{StartupError, connect};
use crate::config::redact_url;

/// The lock's key: "clinic" in ASCII. Advisory locks are per database, so replicas of other
/// services on the same server do not contend for it.
const KEY: i64 = 0x636c_696e_6963;

/// Held from `acquire` until `release` (or until its connection closes, should the process
/// die while holding it: PostgreSQL then frees the lock itself).
pub struct StartupLock(AsyncPgConnection);

#[derive(diesel::QueryableByName)]
struct Taken {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    taken: bool,
}

impl StartupLock {
    /// Waits for the other replicas' chores to finish, saying so in the log.
    pub async fn acquire(url: &str) -> Result<Self, StartupError> {
        let failed = |e: &dyn std::fmt::Display| StartupError::Unreachable {
            url: redact_url(url),
            reason: e.to_string(),
        };
        let mut conn = connect(url).await.map_err(|e| failed(&e))?;
        // Polled rather than a blocking `pg_advisory_lock`: a session waiting inside a
        // statement holds a snapshot, which a `CREATE INDEX CONCURRENTLY` in the holder's
        // migrations would wait for forever.
        let waiting_since = std::time::Instant::now();
        let mut said = None;
        loop {
            let Taken { taken } = diesel::sql_query("SELECT pg_try_advisory_lock($1) AS taken")
                .bind::<diesel::sql_types::BigInt, _>(KEY)
                .get_result(&mut conn)
                .await
                .map_err(|e| failed(&e))?;
            if taken {
                if said.is_some() {
                    tracing::info!("start-up lock taken: checking what is left to do");
                }
                return Ok(Self(conn));
            }
            let waited = waiting_since.elapsed().as_secs();
            if said.is_none_or(|at| waited >= at + 10) {
                tracing::info!(
                    waited_seconds = waited,
                    "another replica is running the start-up chores (migrations, demo data, \
                     admin account, billing recount); waiting for it to finish"
                );
                said = Some(waited);
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }

    pub async fn release(mut self) {
        // Closing the connection frees the lock too; unlocking first frees it at once.
        let _ = diesel::sql_query("SELECT pg_advisory_unlock($1)")
            .bind::<diesel::sql_types::BigInt, _>(KEY)
            .execute(&mut self.0)
            .await;
    }
}
