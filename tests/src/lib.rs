//! The one test-app helper: starts the real app on a fresh database (an
//! SQLite file, or a fresh PostgreSQL database when `JIXIAO_TEST_DB=postgres`)
//! on a random port, with a small fixture county and actor helpers.

pub mod fixture;
pub mod workbook;

use std::net::SocketAddr;

use backend::config::{HashCost, Secret, Settings};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};

pub use fixture::{Actor, Fixture, PASSWORD};

/// Which database the suite runs on, from `JIXIAO_TEST_DB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_env() -> Self {
        match std::env::var("JIXIAO_TEST_DB").as_deref() {
            Ok("postgres") => Backend::Postgres,
            _ => Backend::Sqlite,
        }
    }
}

/// The PostgreSQL server tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("JIXIAO_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub db: DatabaseConnection,
    pub fixture: Fixture,
    pub settings: Settings,
    client: reqwest::Client,
    _dir: Option<TempDir>,
}

/// A GraphQL response, with helpers for the usual assertions.
#[derive(Debug, Clone)]
pub struct Gql {
    pub status: u16,
    pub body: Value,
}

impl Gql {
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }

    /// The first error's `extensions.code`, if any. Panics on a code that is
    /// not one of `shared::errors` (the codes the frontend matches on).
    #[track_caller]
    pub fn code(&self) -> Option<&str> {
        let code = self.body["errors"][0]["extensions"]["code"].as_str();
        if let Some(code) = code {
            assert!(shared::errors::ALL.contains(&code), "{code} is not a shared::errors code: {}", self.body);
        }
        code
    }

    pub fn message(&self) -> Option<&str> {
        self.body["errors"][0]["message"].as_str()
    }

    pub fn field(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["field"].as_str()
    }

    /// Panics with the whole body unless the request succeeded.
    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert!(self.body.get("errors").is_none_or(Value::is_null), "expected success, got {}", self.body);
        &self.body["data"]
    }

    /// Panics unless the first error has `code`.
    #[track_caller]
    pub fn expect_code(&self, code: &str) {
        assert_eq!(self.code(), Some(code), "expected {code}, got {}", self.body);
    }
}

impl TestApp {
    /// A fresh app with the fixture county on the suite's database.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        // Logs go to the test's captured output (RUST_LOG to see more).
        backend::telemetry::init();
        let (database_url, dir) = fresh_database().await;
        let mut settings = Settings::defaults();
        settings.database_url = database_url;
        settings.bind = SocketAddr::from(([127, 0, 0, 1], 0));
        settings.jwt_secret = Secret::new("test-secret-test-secret-test-secret!");
        settings.demo_data = false;
        settings.hash_cost = HashCost::TEST;
        settings.static_dir = workspace_root().join("dist");
        settings.statement_counter = Some(backend::telemetry::StatementCounter::default());
        // Every test logs in often from one address; the rate-limit tests set their own.
        settings.login_rate_per_address = 100_000;
        settings.login_rate_per_username = 100_000;
        configure(&mut settings);
        let app = backend::startup::build(&settings).await.expect("app builds");
        let fixture = if settings.demo_data { Fixture::empty() } else { Fixture::load(&app.db).await };
        let listener = tokio::net::TcpListener::bind(settings.bind).await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let router = app.router;
        tokio::spawn(async move {
            let _ = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await;
        });
        TestApp { addr, db: app.db, fixture, settings, client: reqwest::Client::new(), _dir: dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.client
    }

    /// Runs a GraphQL operation, with a bearer token if given.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Gql {
        let mut request =
            self.client.post(self.url("/graphql")).json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status().as_u16();
        let body = response.json().await.unwrap_or(Value::Null);
        Gql { status, body }
    }

    /// Runs a GraphQL operation and returns the SQL statements the app ran
    /// for it (requests must not overlap: the record is the app's).
    pub async fn gql_counted(&self, token: Option<&str>, query: &str, variables: Value) -> (Gql, Vec<String>) {
        let counter = self.settings.statement_counter.clone().expect("the test app counts statements");
        let before = counter.total();
        let res = self.gql(token, query, variables).await;
        (res, counter.since(before))
    }

    /// Logs in; returns the whole payload.
    pub async fn login(&self, username: &str, password: &str) -> Gql {
        self.gql(
            None,
            "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken expiresIn user { id username role } } }",
            json!({ "u": username, "p": password }),
        )
        .await
    }

    /// An access token for a fixture actor.
    pub async fn token(&self, actor: Actor) -> String {
        let res = self.login(actor.username(), PASSWORD).await;
        res.ok()["login"]["accessToken"].as_str().expect("token").to_owned()
    }

    /// Runs `query` as a fixture actor.
    pub async fn as_actor(&self, actor: Actor, query: &str, variables: Value) -> Gql {
        let token = self.token(actor).await;
        self.gql(Some(&token), query, variables).await
    }

    /// Opens an account through the API as 三员分立 has it: the 系统管理员
    /// creates it (one-time password), the 安全管理员 grants the role, the
    /// user changes the one-time password to `password`. Returns the user's id.
    pub async fn onboard_user(
        &self,
        username: &str,
        display_name: &str,
        role: &str,
        org: i64,
        password: &str,
    ) -> String {
        let input = json!({ "username": username, "displayName": display_name, "role": role, "organisationId": org.to_string() });
        let created = self
            .as_actor(
                Actor::Admin,
                "mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } oneTimePassword } }",
                json!({ "i": input }),
            )
            .await;
        let id = created.ok()["createUser"]["user"]["id"].as_str().expect("user id").to_owned();
        let one_time = created.ok()["createUser"]["oneTimePassword"].as_str().expect("one-time password").to_owned();
        self.as_actor(
            Actor::SecurityAdmin,
            &format!(
                "mutation($u: ID!, $o: ID!) {{ grantRole(userId: $u, role: {role}, organisationId: $o) {{ id }} }}"
            ),
            json!({ "u": id, "o": org.to_string() }),
        )
        .await
        .ok();
        let login = self.login(username, &one_time).await;
        let token = login.ok()["login"]["accessToken"].as_str().expect("token").to_owned();
        self.gql(
            Some(&token),
            "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }",
            json!({ "c": one_time, "n": password }),
        )
        .await
        .ok();
        id
    }

    /// The newest audit-log entry.
    pub async fn latest_audit(&self) -> backend::audit::entity::Model {
        use sea_orm::{EntityTrait, QueryOrder};
        backend::audit::entity::Entity::find()
            .order_by_desc(backend::audit::entity::Column::Id)
            .one(&self.db)
            .await
            .expect("audit query")
            .expect("an audit entry")
    }

    /// Runs raw SQL on the app's database (for setting up states directly).
    pub async fn exec(&self, sql: &str) {
        self.db.execute_unprepared(sql).await.expect("raw SQL");
    }

    /// Counts rows of a table, for "nothing was written" assertions.
    pub async fn count(&self, table: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .expect("count query")
            .expect("a row");
        row.try_get::<i64>("", "n").expect("count")
    }
}

/// The workspace root, for finding `dist/`.
pub fn workspace_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace").to_path_buf()
}

/// A test's own database, removed on drop: an SQLite file's directory, or a
/// PostgreSQL database (dropped `WITH (FORCE)` from a thread of its own, since
/// the test's runtime is ending).
pub enum TempDir {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

impl Drop for TempDir {
    fn drop(&mut self) {
        match self {
            TempDir::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            TempDir::Postgres(name) => {
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
                    runtime.block_on(async {
                        let admin = Database::connect(postgres_admin_url()).await.ok()?;
                        let _ = admin.execute_unprepared(&sql).await;
                        admin.close().await.ok()
                    })
                })
                .join();
            }
        }
    }
}

async fn fresh_database() -> (String, Option<TempDir>) {
    // `JIXIAO_TEST_RUN` (set by `cargo xtask test`) tags this run's databases,
    // so that concurrent runs on one server clean up only their own.
    let run = std::env::var("JIXIAO_TEST_RUN").unwrap_or_else(|_| "x".into());
    let run: String = run.chars().filter(char::is_ascii_alphanumeric).take(16).collect();
    let name = format!("jixiao_test_{run}_{}", uuid::Uuid::new_v4().simple());
    match Backend::from_env() {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(&name);
            std::fs::create_dir_all(&dir).expect("temp dir");
            let url = format!("sqlite://{}?mode=rwc", dir.join("test.db").display());
            (url, Some(TempDir::Sqlite(dir)))
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let admin = Database::connect(&admin_url).await.expect("PostgreSQL reachable for JIXIAO_TEST_DB=postgres");
            admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
            let _ = admin.close().await;
            let base = admin_url.rsplit_once('/').map(|(base, _)| base.to_owned()).unwrap_or(admin_url);
            (format!("{base}/{name}"), Some(TempDir::Postgres(name)))
        }
    }
}
