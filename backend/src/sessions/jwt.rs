//! Short-lived access tokens, signed with HS256 by the configured secret.

use chrono::{Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::config::Secret;

const ISSUER: &str = "jixiao";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    /// The session (refresh-token family) the token belongs to: it stops
    /// working when the session ends.
    sid: String,
    iss: String,
    iat: i64,
    exp: i64,
}

/// Signing keys, kept in the app state.
#[derive(Clone)]
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    ttl: Duration,
}

impl Keys {
    pub fn new(secret: &Secret, ttl_minutes: i64) -> anyhow::Result<Self> {
        Ok(Keys {
            encoding: EncodingKey::from_secret(secret.expose().as_bytes())?,
            decoding: DecodingKey::from_secret(secret.expose().as_bytes())?,
            ttl: Duration::minutes(ttl_minutes),
        })
    }

    pub fn ttl_seconds(&self) -> i64 {
        self.ttl.num_seconds()
    }

    /// An access token for `user_id` in session `sid`.
    pub fn issue(&self, user_id: i64, sid: &str) -> anyhow::Result<String> {
        let now = Utc::now();
        let claims = Claims {
            sub: user_id.to_string(),
            sid: sid.to_owned(),
            iss: ISSUER.into(),
            iat: now.timestamp(),
            exp: (now + self.ttl).timestamp(),
        };
        Ok(jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// The user id and session of a valid, unexpired token; `None` for anything else.
    pub fn verify(&self, token: &str) -> Option<(i64, String)> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.leeway = 5;
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        Some((data.claims.sub.parse().ok()?, data.claims.sid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_verifies_only_with_its_own_secret() {
        let keys = Keys::new(&Secret::new("a".repeat(32)), 15).unwrap();
        let other = Keys::new(&Secret::new("b".repeat(32)), 15).unwrap();
        let token = keys.issue(42, "s").unwrap();
        assert_eq!(keys.verify(&token), Some((42, "s".to_owned())));
        assert_eq!(other.verify(&token), None);
        assert_eq!(keys.verify("not.a.token"), None);
    }

    #[test]
    fn an_expired_token_is_refused() {
        let keys = Keys::new(&Secret::new("a".repeat(32)), -10).unwrap();
        let token = keys.issue(1, "s").unwrap();
        assert_eq!(keys.verify(&token), None);
    }
}
