//! Settings, layered: defaults, then environment variables. Secrets are kept
//! in [`Secret`] so they never reach a log line.

use std::net::SocketAddr;
use std::path::PathBuf;

/// A value that must not be printed.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Argon2id cost parameters (memory in KiB, iterations, lanes).
#[derive(Debug, Clone, Copy)]
pub struct HashCost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
}

impl HashCost {
    /// OWASP's recommended minimum for Argon2id.
    pub const PRODUCTION: HashCost = HashCost { memory_kib: 19_456, iterations: 2, lanes: 1 };
    /// Cheap hashes for tests only.
    pub const TEST: HashCost = HashCost { memory_kib: 256, iterations: 1, lanes: 1 };
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub bind: SocketAddr,
    pub jwt_secret: Secret,
    /// Where the built frontend (`cargo xtask build-web`) lives.
    pub static_dir: PathBuf,
    /// Load the demo county into an empty database.
    pub demo_data: bool,
    /// Serve GraphiQL at `GET /graphql` (development only: its page loads
    /// its scripts from a CDN).
    pub graphiql: bool,
    /// Answer `__schema` and `__type` (off in production).
    pub introspection: bool,
    pub access_token_minutes: i64,
    /// A session whose refresh token is not used for this long expires.
    pub idle_session_minutes: i64,
    /// A session never lives longer than this, however active.
    pub max_session_hours: i64,
    pub max_failed_logins: i32,
    pub lockout_minutes: i64,
    pub hash_cost: HashCost,
    /// Login attempts a minute from one client address (all may come at once).
    pub login_rate_per_address: u32,
    /// Login attempts a minute for one username, whoever sends them.
    pub login_rate_per_username: u32,
    /// Password hashes checked at once (on the blocking pool); the rest wait.
    pub hashing_concurrency: usize,
    /// A header the reverse proxy sets to the client's address (`X-Real-IP`);
    /// without it the peer address of the connection is the client's.
    pub client_ip_header: Option<String>,
    pub max_body_bytes: usize,
    /// How long DataLoaders wait to batch a list's keys into one query.
    pub loader_delay: std::time::Duration,
    /// Count every SQL statement the app runs (tests); `None` in production.
    pub statement_counter: Option<crate::telemetry::StatementCounter>,
    /// A GraphQL request still running after this is stopped (`TIMEOUT`).
    pub request_timeout: std::time::Duration,
    /// PostgreSQL cancels a statement running longer than this.
    pub statement_timeout: std::time::Duration,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://jixiao.db?mode=rwc";

impl Settings {
    /// Settings for a local run with no configuration at all.
    pub fn defaults() -> Self {
        Settings {
            database_url: DEFAULT_DATABASE_URL.into(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            jwt_secret: Secret::new(random_secret()),
            static_dir: PathBuf::from("dist"),
            demo_data: true,
            graphiql: true,
            introspection: true,
            access_token_minutes: 15,
            idle_session_minutes: 30,
            max_session_hours: 12,
            max_failed_logins: 5,
            lockout_minutes: 15,
            hash_cost: HashCost::PRODUCTION,
            login_rate_per_address: 60,
            login_rate_per_username: 10,
            hashing_concurrency: std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            client_ip_header: None,
            // Spreadsheet imports travel base64-encoded in the GraphQL body (5 MB files).
            max_body_bytes: 8 * 1024 * 1024,
            loader_delay: crate::loader::DEFAULT_DELAY,
            statement_counter: None,
            request_timeout: std::time::Duration::from_secs(10),
            statement_timeout: std::time::Duration::from_secs(5),
        }
    }

    /// Defaults overridden by `DATABASE_URL`, `JIXIAO_BIND`, `JIXIAO_JWT_SECRET`,
    /// `JIXIAO_STATIC_DIR`, `JIXIAO_DEMO_DATA`, `JIXIAO_REQUEST_TIMEOUT_SECONDS`,
    /// `JIXIAO_LOGIN_RATE_PER_ADDRESS`, `JIXIAO_LOGIN_RATE_PER_USERNAME`,
    /// `JIXIAO_CLIENT_IP_HEADER`, `JIXIAO_ENV`.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// Defaults overridden by the variables `lookup` finds.
    pub fn from_vars(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let mut s = Settings::defaults();
        let var = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        if let Some(url) = var("DATABASE_URL") {
            s.database_url = url;
        }
        if let Some(bind) = var("JIXIAO_BIND") {
            s.bind = bind.parse().map_err(|e| anyhow::anyhow!("JIXIAO_BIND={bind}: {e}"))?;
        }
        match var("JIXIAO_JWT_SECRET") {
            Some(secret) if secret.len() < 32 => anyhow::bail!("JIXIAO_JWT_SECRET must be at least 32 characters"),
            Some(secret) => s.jwt_secret = Secret::new(secret),
            None if !s.database_url.starts_with("sqlite:") => anyhow::bail!(
                "JIXIAO_JWT_SECRET is required with a shared database: every instance must sign with the same secret"
            ),
            None => tracing::warn!(
                "JIXIAO_JWT_SECRET not set: using a random secret; sessions end when the server restarts"
            ),
        }
        if let Some(dir) = var("JIXIAO_STATIC_DIR") {
            s.static_dir = PathBuf::from(dir);
        }
        if let Some(demo) = var("JIXIAO_DEMO_DATA") {
            s.demo_data = matches!(demo.as_str(), "1" | "true" | "yes");
        }
        if let Some(seconds) = var("JIXIAO_REQUEST_TIMEOUT_SECONDS") {
            let seconds: u64 = seconds.parse().map_err(|e| anyhow::anyhow!("JIXIAO_REQUEST_TIMEOUT_SECONDS: {e}"))?;
            s.request_timeout = std::time::Duration::from_secs(seconds.clamp(1, 600));
            s.statement_timeout = s.statement_timeout.min(s.request_timeout);
        }
        for (name, rate) in [
            ("JIXIAO_LOGIN_RATE_PER_ADDRESS", &mut s.login_rate_per_address),
            ("JIXIAO_LOGIN_RATE_PER_USERNAME", &mut s.login_rate_per_username),
        ] {
            if let Some(value) = var(name) {
                *rate = value.parse::<u32>().map_err(|e| anyhow::anyhow!("{name}: {e}"))?.max(1);
            }
        }
        s.client_ip_header = var("JIXIAO_CLIENT_IP_HEADER");
        if var("JIXIAO_ENV").as_deref() == Some("production") {
            s.graphiql = false;
            s.introspection = false;
        }
        Ok(s)
    }
}

fn random_secret() -> String {
    use rand::Rng;
    let bytes: [u8; 32] = rand::thread_rng().r#gen();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_turns_graphiql_and_introspection_off() {
        let dev = Settings::from_vars(|_| None).unwrap();
        assert!(dev.graphiql && dev.introspection);
        let prod = Settings::from_vars(|name| (name == "JIXIAO_ENV").then(|| "production".to_owned())).unwrap();
        assert!(!prod.graphiql && !prod.introspection);
    }
}
