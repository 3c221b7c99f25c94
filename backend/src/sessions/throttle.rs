//! What stands before a password check (issue 8 item 2): login attempts are
//! rate-limited per client address and per username, and Argon2 runs on the
//! blocking pool behind a semaphore, so that logins cannot starve the rest.
//!
//! The limits are kept in the process: with several instances behind a load
//! balancer each instance allows its own share (documented in the README).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use super::password;
use crate::error::{AppError, AppResult};

/// The client's address, put into a GraphQL request's data by the handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// Keys beyond this many make the limiter forget the keys that are at rest.
const PRUNE_AT: usize = 10_000;

/// A keyed rate limiter (GCRA): `per_minute` attempts a minute per key, all
/// of which may come at once; an attempt is admitted or refused, never queued.
pub struct KeyedLimiter {
    /// Time between two attempts at the steady rate.
    emission: Duration,
    /// How far ahead of now a key's theoretical arrival time may run.
    tolerance: Duration,
    keys: Mutex<HashMap<String, Instant>>,
}

impl KeyedLimiter {
    pub fn per_minute(per_minute: u32) -> Self {
        let per_minute = per_minute.max(1);
        let emission = Duration::from_secs(60) / per_minute;
        KeyedLimiter { emission, tolerance: emission * (per_minute - 1), keys: Mutex::new(HashMap::new()) }
    }

    /// Admits an attempt for `key`, or says how long until one would be.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let mut keys = self.keys.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if keys.len() >= PRUNE_AT {
            keys.retain(|_, tat| *tat > now);
        }
        let tat = keys.get(key).copied().filter(|tat| *tat > now).unwrap_or(now);
        let ahead = tat - now;
        if ahead > self.tolerance {
            return Err(ahead - self.tolerance);
        }
        keys.insert(key.to_owned(), tat + self.emission);
        Ok(())
    }
}

/// The login guards of one process.
pub struct Guards {
    by_address: KeyedLimiter,
    by_username: KeyedLimiter,
    hashing: Semaphore,
}

impl Guards {
    pub fn new(per_address: u32, per_username: u32, hashing: usize) -> Self {
        Guards {
            by_address: KeyedLimiter::per_minute(per_address),
            by_username: KeyedLimiter::per_minute(per_username),
            hashing: Semaphore::new(hashing.max(1)),
        }
    }

    /// Admits a login attempt from `client` for `username`, or refuses it
    /// with `RATE_LIMITED` before any password is checked.
    pub fn admit(&self, client: Option<ClientAddr>, username: &str) -> AppResult<()> {
        let now = Instant::now();
        if let Some(ClientAddr(ip)) = client {
            self.by_address.check(&ip.to_string(), now).map_err(AppError::RateLimited)?;
        }
        let key: String = username.chars().take(64).collect::<String>().to_lowercase();
        self.by_username.check(&key, now).map_err(AppError::RateLimited)
    }

    /// Checks a password on the blocking pool, at most `hashing` at a time.
    pub async fn verify(&self, password_given: &str, phc: &str) -> AppResult<bool> {
        let _permit = self.hashing.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
        let (given, phc) = (password_given.to_owned(), phc.to_owned());
        tokio::task::spawn_blocking(move || password::verify(&given, &phc))
            .await
            .map_err(|e| AppError::Internal(e.into()))
    }

    /// Hashes a new password on the blocking pool, under the same cap.
    pub async fn hash(&self, new_password: &str, cost: crate::config::HashCost) -> AppResult<String> {
        let _permit = self.hashing.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
        let new_password = new_password.to_owned();
        tokio::task::spawn_blocking(move || password::hash(&new_password, cost))
            .await
            .map_err(|e| AppError::Internal(e.into()))?
            .map_err(AppError::Internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_burst_then_waits_for_the_steady_rate() {
        let limiter = KeyedLimiter::per_minute(3);
        let start = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check("a", start).is_ok());
        }
        let wait = limiter.check("a", start).expect_err("the fourth at once is refused");
        assert_eq!(wait, Duration::from_secs(20));
        // Another key is not affected.
        assert!(limiter.check("b", start).is_ok());
        // After one emission interval one more attempt is admitted.
        assert!(limiter.check("a", start + Duration::from_secs(20)).is_ok());
        assert!(limiter.check("a", start + Duration::from_secs(20)).is_err());
    }

    #[test]
    fn usernames_are_limited_whatever_their_case() {
        let guards = Guards::new(100, 1, 1);
        assert!(guards.admit(None, "Dept1").is_ok());
        assert!(matches!(guards.admit(None, "dept1"), Err(AppError::RateLimited(_))));
    }
}
