//! The monitoring round at county scale: 200 units, 3,000 approved projects,
//! 30,000 target indicators, a round fully reported (3,000 project reports,
//! 30,000 indicator reports). Measures the round dashboard query and the
//! statistics query, p50/p95 over N requests, three ways:
//!   - GraphQL over HTTP (what the browser pays),
//!   - GraphQL in process (schema + services + DataLoaders, no HTTP),
//!   - the same rows by raw SQL (the floor).
//!
//! On SQLite (a temp file) and on PostgreSQL (a fresh database on
//! `BENCH_PG_ADMIN`, default postgres://postgres@127.0.0.1:5432/postgres,
//! skipped with a message when no server answers).
//!
//! `cargo run --release -p backend --bin monitoring_bench [-- --requests N]`

use std::time::{Duration, Instant};

use backend::config::{HashCost, Settings};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use serde_json::{Value, json};

mod seed;
use seed::seed;

const DASHBOARD: &str = "query($r: ID!, $l: Light) { roundReports(roundId: $r, light: $l, first: 20) { totalCount pageInfo { endCursor hasNextPage } edges { node { id light executionRate executedAmount project { code name } unit { name } } } } }";
const STATISTICS: &str = "query($r: ID!) { roundStatistics(roundId: $r) { units { unitKind monitored submitted late } byLight { light projects } decisions { kind projects amount } } }";

const UNITS: usize = 200;
const PROJECTS: usize = 3_000;
const INDICATORS_PER_PROJECT: usize = 10;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let requests: usize =
        std::env::args().skip_while(|a| a != "--requests").nth(1).map(|n| n.parse()).transpose()?.unwrap_or(1_000);
    let dir = std::env::temp_dir().join(format!("jixiao-mbench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    run("SQLite", &format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()), requests).await?;
    let admin =
        std::env::var("BENCH_PG_ADMIN").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    match Database::connect(&admin).await {
        Ok(pg) => {
            let name = format!("jixiao_bench_{}", std::process::id());
            pg.execute_unprepared(&format!("CREATE DATABASE {name}")).await?;
            let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin.clone());
            let result = run("PostgreSQL", &format!("{base}/{name}"), requests).await;
            let _ = pg.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
            result?;
        }
        Err(_) => println!("PostgreSQL: skipped, no server at {admin}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

async fn run(name: &str, url: &str, requests: usize) -> anyhow::Result<()> {
    let mut settings = Settings::defaults();
    settings.database_url = url.into();
    settings.bind = ([127, 0, 0, 1], 0).into();
    settings.demo_data = false;
    settings.hash_cost = HashCost::TEST;
    let app = backend::startup::build(&settings).await?;
    let started = Instant::now();
    let (round_id, viewer) = seed(&app.db).await?;
    println!(
        "\n{name}: seeded {UNITS} units, {PROJECTS} projects, {} indicators, a fully reported round in {:.1?}",
        PROJECTS * INDICATORS_PER_PROJECT,
        started.elapsed()
    );
    let schema = backend::schema::build(app.db.clone(), backend::sessions::service::Auth::from_settings(&settings)?);
    let listener = tokio::net::TcpListener::bind(settings.bind).await?;
    let url = format!("http://{}/graphql", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app.router).await });
    let client = reqwest::Client::new();
    let login = client
        .post(&url)
        .json(&json!({ "query": "mutation { login(username: \"perf\", password: \"Bench@2026\") { accessToken } }" }))
        .send()
        .await?
        .json::<Value>()
        .await?;
    let token =
        login["data"]["login"]["accessToken"].as_str().ok_or_else(|| anyhow::anyhow!("login: {login}"))?.to_owned();
    let round = round_id.to_string();

    for (label, query, vars) in [
        ("dashboard (first 20, with project and unit)", DASHBOARD, json!({ "r": round })),
        ("dashboard filtered to red lights", DASHBOARD, json!({ "r": round, "l": "RED" })),
        ("statistics", STATISTICS, json!({ "r": round })),
    ] {
        let http = measure(requests, || {
            let req = client.post(&url).bearer_auth(&token).json(&json!({ "query": query, "variables": vars }));
            async move {
                let body: Value = req.send().await?.json().await?;
                anyhow::ensure!(body.get("errors").is_none(), "{body}");
                Ok(())
            }
        })
        .await?;
        let in_process = measure(requests, || {
            let request = async_graphql::Request::new(query)
                .variables(async_graphql::Variables::from_json(vars.clone()))
                .data(viewer.clone());
            let schema = schema.clone();
            async move {
                let res = schema.execute(request).await;
                anyhow::ensure!(res.errors.is_empty(), "{:?}", res.errors);
                Ok(())
            }
        })
        .await?;
        let raw = measure(requests, || raw_sql(&app.db, label, round_id)).await?;
        println!("  {label}:");
        println!("    GraphQL over HTTP   {}", summary(&http));
        println!("    GraphQL in process  {}", summary(&in_process));
        println!("    raw SQL             {}", summary(&raw));
        println!("    in-process / raw at p95: {}", ratio(pct(&in_process, 95), pct(&raw, 95)));
    }
    Ok(())
}

/// The same rows the GraphQL query returns, by hand-written SQL.
async fn raw_sql(db: &DatabaseConnection, label: &str, round_id: i64) -> anyhow::Result<()> {
    let backend = db.get_database_backend();
    let p = if backend == sea_orm::DatabaseBackend::Postgres { "$1" } else { "?" };
    if label.starts_with("statistics") {
        for sql in [
            format!(
                "SELECT o.kind, COUNT(*), COUNT(ru.submitted_at) FROM round_unit ru JOIN organisation o ON o.id = ru.unit_id WHERE ru.round_id = {p} GROUP BY o.kind"
            ),
            format!("SELECT light, COUNT(*) FROM project_report WHERE round_id = {p} GROUP BY light"),
            format!("SELECT kind, amount_fen FROM monitoring_decision WHERE round_id = {p}"),
        ] {
            db.query_all_raw(Statement::from_sql_and_values(backend, sql, [round_id.into()])).await?;
        }
        return Ok(());
    }
    let light = if label.contains("red") { " AND pr.light = 'red'" } else { "" };
    let count = format!("SELECT COUNT(*) FROM project_report pr WHERE pr.round_id = {p}{light}");
    db.query_one_raw(Statement::from_sql_and_values(backend, count, [round_id.into()])).await?;
    let rows = format!(
        "SELECT pr.id, pr.light, pr.execution_rate, pr.executed_fen, pj.code, pj.name, o.name FROM project_report pr \
         JOIN project pj ON pj.id = pr.project_id JOIN organisation o ON o.id = pr.unit_id \
         WHERE pr.round_id = {p}{light} ORDER BY pr.id LIMIT 21"
    );
    let got = db.query_all_raw(Statement::from_sql_and_values(backend, rows, [round_id.into()])).await?;
    anyhow::ensure!(!got.is_empty(), "no rows");
    Ok(())
}

async fn measure<F, Fut>(n: usize, mut f: F) -> anyhow::Result<Vec<Duration>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    for _ in 0..30 {
        f().await?;
    }
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        f().await?;
        samples.push(t.elapsed());
    }
    samples.sort();
    Ok(samples)
}

fn pct(samples: &[Duration], p: usize) -> Duration {
    samples[(samples.len() * p / 100).min(samples.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{}.{:02} ms", d.as_micros() / 1000, d.as_micros() % 1000 / 10)
}

fn summary(samples: &[Duration]) -> String {
    format!("p50 {:>9}   p95 {:>9}", ms(pct(samples, 50)), ms(pct(samples, 95)))
}

fn ratio(a: Duration, b: Duration) -> String {
    let (a, b) = (a.as_micros().max(1), b.as_micros().max(1));
    format!("{}.{:02}×", a / b, a * 100 / b % 100)
}
