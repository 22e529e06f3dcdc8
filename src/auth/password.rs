//! Argon2id password hashes (PHC strings, parameters from the argon2 crate's defaults).

use std::sync::{
    LazyLock,
    atomic::{AtomicUsize, Ordering},
};

use crate::error::AppError;

use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{SaltString, rand_core::OsRng},
};

/// Argon2 checks running at once: each takes ~19 MiB and a core for tens of milliseconds, so
/// more than the cores only queue in memory (32 concurrent logins once added 620 MB of RSS).
static HASHING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
});

/// Most Argon2 computations that run at once.
pub fn hashing_slots() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Longest wait for a hashing slot: a flood of logins makes later ones answer
/// SERVICE_UNAVAILABLE instead of queueing until the request times out.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs `work` (an Argon2 hash or check) on the blocking pool, at most [`hashing_slots`] at
/// once; the others wait their turn without taking memory, for at most [`HASHING_WAIT`].
pub async fn bounded<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _slot = tokio::time::timeout(HASHING_WAIT, HASHING.acquire())
        .await
        .map_err(|_| {
            tracing::warn!("every password-hashing slot busy for {HASHING_WAIT:?}");
            AppError::Unavailable
        })?
        .expect("the semaphore is never closed");
    let started = IN_FLIGHT.fetch_add(1, Ordering::SeqCst) + 1;
    PEAK.fetch_max(started, Ordering::SeqCst);
    let result = tokio::task::spawn_blocking(work).await;
    IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    match result {
        Ok(value) => Ok(value),
        Err(panicked) => std::panic::resume_unwind(panicked.into_panic()),
    }
}

static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The most Argon2 computations seen running at once since start (tests check the bound).
pub fn peak_hashing() -> usize {
    PEAK.load(Ordering::SeqCst)
}

/// Verified against when the username does not exist, so that an unknown user costs as
/// much time as a wrong password and response times do not reveal which usernames exist.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("not a real password").expect("hashing a constant"));

pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// `hash` None means "no such user": the work is done anyway and the answer is false.
pub fn verify_password(password: &str, hash: Option<&str>) -> bool {
    let (hash, known) = match hash {
        Some(hash) => (hash, true),
        None => (DUMMY_HASH.as_str(), false),
    };
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    ok && known
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let hash = hash_password("s3cret-pass").unwrap();
        assert!(verify_password("s3cret-pass", Some(&hash)));
        assert!(!verify_password("wrong", Some(&hash)));
        assert!(!verify_password("not a real password", None));
        assert!(!verify_password("x", Some("garbage")));
    }
}
