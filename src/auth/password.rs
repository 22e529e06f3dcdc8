//! Argon2id password hashes (PHC strings, parameters from the argon2 crate's defaults).

use std::sync::LazyLock;

use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{SaltString, rand_core::OsRng},
};

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
