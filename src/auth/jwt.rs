//! JWT issuing and validation, as RFC 8725 asks: one pinned algorithm per key (HS256 for our
//! own secret, RS256 for an identity provider's public key), `exp` and `nbf` checked with a
//! small explicit leeway, `iss`/`aud` required when configured.

use std::{collections::HashSet, time::Duration};

use jsonwebtoken::{
    Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, decode_header, encode,
};
use serde::{Deserialize, Serialize};

use super::Role;

/// Clock skew tolerated between us and whoever issued the token.
const LEEWAY_SECONDS: u64 = 30;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The username.
    pub sub: String,
    pub role: Role,
    pub exp: u64,
    pub iat: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aud: Option<String>,
    /// The identity provider's issuer when the token is theirs (RS256); `None` for the
    /// service's own tokens, whose subject is a local username. Set by [`JwtKeys::verify`],
    /// never read from the token's JSON.
    #[serde(skip)]
    pub provider: Option<String>,
}

#[derive(Debug)]
pub enum TokenError {
    /// The token cannot be trusted (signature, algorithm, claims, expiry...).
    Invalid(jsonwebtoken::errors::Error),
    /// We have no key for the token's algorithm.
    UnsupportedAlgorithm,
    /// Signing needs JWT_SECRET (only RS256 verification is configured).
    NoSigningKey,
    /// Signed and valid, but refused by the service's own rules.
    Refused(&'static str),
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Invalid(err) => write!(f, "invalid token: {err}"),
            Self::UnsupportedAlgorithm => f.write_str("token algorithm not accepted"),
            Self::NoSigningKey => f.write_str("JWT_SECRET is needed to issue tokens"),
            Self::Refused(why) => write!(f, "token refused: {why}"),
        }
    }
}

impl std::error::Error for TokenError {}

struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

/// Longest subject accepted from an identity provider (the users table's bound).
const MAX_SUBJECT_CHARS: usize = 255;

pub struct JwtKeys {
    max_lifetime: Duration,
    signing: Option<EncodingKey>,
    hs256: Option<Verifier>,
    rs256: Option<Verifier>,
    issuer: Option<String>,
    audience: Option<String>,
    ttl: Duration,
}

impl JwtKeys {
    pub fn new(
        secret: Option<&[u8]>,
        rsa_public_pem: Option<&[u8]>,
        issuer: Option<String>,
        audience: Option<String>,
        ttl: Duration,
        max_lifetime: Duration,
    ) -> Result<Self, jsonwebtoken::errors::Error> {
        let validation = |alg| {
            let mut v = Validation::new(alg);
            v.leeway = LEEWAY_SECONDS;
            v.validate_exp = true;
            v.validate_nbf = true;
            let mut required = vec!["exp", "iat", "sub"];
            match &issuer {
                Some(iss) => {
                    v.set_issuer(&[iss]);
                    required.push("iss");
                }
                None => v.iss = None,
            }
            match &audience {
                Some(aud) => {
                    v.set_audience(&[aud]);
                    required.push("aud");
                }
                None => v.validate_aud = false,
            }
            v.required_spec_claims = required
                .into_iter()
                .map(String::from)
                .collect::<HashSet<_>>();
            v
        };
        let rs256 = match rsa_public_pem {
            Some(pem) => Some(Verifier {
                key: DecodingKey::from_rsa_pem(pem)?,
                validation: validation(Algorithm::RS256),
            }),
            None => None,
        };
        Ok(Self {
            max_lifetime,
            signing: secret.map(EncodingKey::from_secret),
            hs256: secret.map(|s| Verifier {
                key: DecodingKey::from_secret(s),
                validation: validation(Algorithm::HS256),
            }),
            rs256,
            issuer,
            audience,
            ttl,
        })
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// A signed HS256 token for `sub`; returns it with its expiry (seconds since the epoch).
    pub fn issue(&self, sub: &str, role: Role) -> Result<(String, u64), TokenError> {
        let key = self.signing.as_ref().ok_or(TokenError::NoSigningKey)?;
        let now = jsonwebtoken::get_current_timestamp();
        let claims = Claims {
            sub: sub.to_owned(),
            role,
            iat: now,
            exp: now + self.ttl.as_secs(),
            nbf: None,
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            provider: None,
        };
        let token =
            encode(&Header::new(Algorithm::HS256), &claims, key).map_err(TokenError::Invalid)?;
        Ok((token, claims.exp))
    }

    /// Validates a token with the one key that its header's algorithm names, and refuses
    /// tokens that live longer than JWT_MAX_LIFETIME (`exp - iat`) or whose subject could not
    /// name a user (blank, control characters, too long).
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        let header = decode_header(token).map_err(TokenError::Invalid)?;
        let (verifier, external) = match header.alg {
            Algorithm::HS256 => (self.hs256.as_ref(), false),
            Algorithm::RS256 => (self.rs256.as_ref(), true),
            _ => (None, false),
        };
        let verifier = verifier.ok_or(TokenError::UnsupportedAlgorithm)?;
        let mut claims = decode::<Claims>(token, &verifier.key, &verifier.validation)
            .map(|data| data.claims)
            .map_err(TokenError::Invalid)?;
        // Both ends: a token "issued" in the future would otherwise claim a short lifetime.
        let now = jsonwebtoken::get_current_timestamp();
        if claims.exp.saturating_sub(claims.iat) > self.max_lifetime.as_secs()
            || claims.iat > now + LEEWAY_SECONDS
            || claims.exp > now + self.max_lifetime.as_secs() + LEEWAY_SECONDS
        {
            return Err(TokenError::Refused("lifetime longer than JWT_MAX_LIFETIME"));
        }
        let subject_ok = !claims.sub.trim().is_empty()
            && claims.sub.chars().count() <= MAX_SUBJECT_CHARS
            && !claims.sub.chars().any(char::is_control);
        if !subject_ok {
            return Err(TokenError::Refused("subject cannot name a user"));
        }
        if external {
            // iss is required for RS256: JWT_PUBLIC_KEY_FILE needs JWT_ISSUER (config).
            claims.provider = Some(claims.iss.clone().ok_or(TokenError::Refused("no issuer"))?);
        }
        Ok(claims)
    }
}
