//! The one app constructor, used by `main`, the tests and the bench.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use anyhow::Context as _;
use axum::Extension;
use axum::Router;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

use crate::config::Settings;
use crate::demo;
use crate::error::code;
use crate::http;
use crate::request_limits;
use crate::schema::{self, AppSchema};
use crate::sessions::access::viewer_for_token;
use crate::sessions::service::Auth;
use crate::sessions::throttle::ClientAddr;
use crate::telemetry::StatementCounter;

#[derive(Clone)]
struct AppState {
    db: DatabaseConnection,
    auth: Auth,
    schema: AppSchema,
    /// Each GraphQL request's time budget.
    request_timeout: Duration,
    /// The header a reverse proxy puts the client's address in, if any.
    client_ip_header: Option<axum::http::HeaderName>,
    max_body_bytes: usize,
}

/// A built application: its router and database.
pub struct App {
    pub router: Router,
    pub db: DatabaseConnection,
}

/// Connects and migrates. The serving pool carries the statement timeout
/// (PostgreSQL cancels longer statements) and, in tests, the statement
/// counter; migrations run before it on a connection without either, since an
/// index over a large table may take longer.
pub async fn connect(
    url: &str,
    counter: Option<&StatementCounter>,
    statement_timeout: Duration,
) -> anyhow::Result<DatabaseConnection> {
    let migrator = Database::connect(options(url, None)).await.context("connecting to the database")?;
    Migrator::up(&migrator, None).await.context("running migrations")?;
    migrator.close().await.context("closing the migration connection")?;
    let mut db =
        Database::connect(options(url, Some(statement_timeout))).await.context("connecting to the database")?;
    if let Some(counter) = counter {
        counter.install(&mut db);
    }
    Ok(db)
}

fn options(url: &str, statement_timeout: Option<Duration>) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false).acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        // One writer at a time; WAL lets readers go on while it writes. SQLite
        // has no statement timeout: the request's time budget stops the work.
        options.max_connections(8).map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
    } else {
        options.max_connections(16);
        if let Some(timeout) = statement_timeout {
            let ms = timeout.as_millis().max(1);
            options.map_sqlx_postgres_opts(move |o| o.options([("statement_timeout", ms)]));
        }
    }
    options
}

pub async fn build(settings: &Settings) -> anyhow::Result<App> {
    let db = connect(&settings.database_url, settings.statement_counter.as_ref(), settings.statement_timeout).await?;
    crate::audit::chain::seal_legacy(&db).await.map_err(|e| anyhow::anyhow!("chaining the audit log: {e:?}"))?;
    crate::indicators::starter::ensure_loaded(&db).await.context("loading the indicator library")?;
    if settings.demo_data {
        demo::seed_if_empty(&db, settings.hash_cost).await.context("loading the demo county")?;
    }
    let auth = Auth::from_settings(settings)?;
    let schema = schema::build_with(db.clone(), auth.clone(), settings.loader_delay, settings.introspection);
    let client_ip_header = match &settings.client_ip_header {
        Some(name) => Some(axum::http::HeaderName::try_from(name.as_str()).context("JIXIAO_CLIENT_IP_HEADER")?),
        None => None,
    };
    let state = AppState {
        db: db.clone(),
        auth,
        schema,
        request_timeout: settings.request_timeout,
        client_ip_header,
        max_body_bytes: settings.max_body_bytes,
    };
    let index = settings.static_dir.join("index.html");
    if !index.exists() {
        tracing::warn!(path = %index.display(), "frontend bundle missing: run `cargo xtask build-web`");
    }
    let static_files = ServeDir::new(&settings.static_dir).fallback(ServeFile::new(index));
    let graphql = if settings.graphiql { get(http::graphiql).post(graphql) } else { axum::routing::post(graphql) };
    let router = Router::new()
        .route("/graphql", graphql)
        .route("/healthz", get(healthz))
        .merge(crate::exports::routes::router(db.clone(), state.auth.clone()))
        .fallback_service(static_files)
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::new())
        .with_state(state);
    // Outermost: the headers reach every response, a panic's 500 too.
    let router = http::security_headers(router).layer(TraceLayer::new_for_http());
    Ok(App { router, db })
}

async fn graphql(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Result<axum::body::Bytes, BytesRejection>,
) -> Response {
    if let Some(refused) = http::refuse_unless_json(&headers) {
        return refused;
    }
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return http::body_rejection(&rejection, state.max_body_bytes),
    };
    let request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(_) => {
            return http::json_error(
                StatusCode::BAD_REQUEST,
                code::BAD_USER_INPUT,
                "请求格式不正确：需要 JSON {\"query\": …, \"variables\": …}",
            );
        }
    };
    let mut request = request;
    if let Some(client) = client_addr(state.client_ip_header.as_ref(), peer.map(|p| p.0.0), &headers) {
        request = request.data(client);
    }
    if let Some(token) = bearer(&headers) {
        match viewer_for_token(&state.db, &state.auth, token).await {
            Ok(Some(viewer)) => request = crate::viewer::attach(request, viewer),
            Ok(None) => {}
            Err(_) => {
                return http::json_error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    code::INTERNAL,
                    "服务器内部错误，请稍后重试",
                );
            }
        }
    }
    // The time budget: a request past it is dropped (its statements with it).
    let mut response = match tokio::time::timeout(state.request_timeout, state.schema.execute(request)).await {
        Ok(response) => response,
        Err(_) => async_graphql::Response::from_errors(vec![request_limits::timeout_error(state.request_timeout)]),
    };
    // Parse, validation and input-coercion errors come from async-graphql
    // without a code: they are the client's.
    for error in &mut response.errors {
        let ext = error.extensions.get_or_insert_with(Default::default);
        if ext.get("code").is_none() {
            ext.set("code", code::BAD_USER_INPUT);
            if let Some(chinese) = limit_message(&error.message) {
                error.message = chinese;
            }
        }
    }
    axum::Json(response).into_response()
}

/// The query limits in the users' language.
fn limit_message(message: &str) -> Option<String> {
    match message {
        "Query is nested too deep." => Some(format!("查询嵌套过深（最多 {} 层）", schema::MAX_DEPTH)),
        "Query is too complex." => {
            Some(format!("查询过于复杂（复杂度上限 {}），请减少字段或每页条数", schema::MAX_COMPLEXITY))
        }
        _ => None,
    }
}

/// The client's address: from the proxy's header when one is configured (its
/// first entry), else the connection's peer.
fn client_addr(header: Option<&HeaderName>, peer: Option<SocketAddr>, headers: &HeaderMap) -> Option<ClientAddr> {
    match header {
        Some(name) => {
            let value = headers.get(name)?.to_str().ok()?;
            value.split(',').next()?.trim().parse::<IpAddr>().ok().map(ClientAddr)
        }
        None => peer.map(|p| ClientAddr(p.ip())),
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => axum::Json(serde_json::json!({ "status": "ok" })).into_response(),
        Err(_) => {
            (StatusCode::SERVICE_UNAVAILABLE, axum::Json(serde_json::json!({ "status": "database unavailable" })))
                .into_response()
        }
    }
}
