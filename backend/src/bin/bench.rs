//! Latency of the projects list query at demo scale, through the real HTTP
//! stack: p50/p95/p99 over N requests (default 1,000).
//!
//! `cargo run --release -p backend --bin bench [-- --requests N]`; set
//! `BENCH_DATABASE_URL` to a PostgreSQL database to measure there (it must be
//! empty or already hold the demo county).

use std::time::{Duration, Instant};

use backend::config::{HashCost, Settings};
use backend::demo::DEMO_PASSWORD;
use serde_json::{Value, json};

const LIST: &str = "query($y: ID!, $after: String) { projects(filter: { yearId: $y }, first: 20, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { id code name kind budgetType requestedAmount approvedAmount isNew unit { id name } year { year } } } } }";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let requests: usize =
        std::env::args().skip_while(|a| a != "--requests").nth(1).map(|n| n.parse()).transpose()?.unwrap_or(1_000);
    let dir = std::env::temp_dir().join(format!("jixiao-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut settings = Settings::defaults();
    settings.database_url = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()));
    settings.bind = ([127, 0, 0, 1], 0).into();
    settings.hash_cost = HashCost::TEST;
    let app = backend::startup::build(&settings).await?;
    let listener = tokio::net::TcpListener::bind(settings.bind).await?;
    let url = format!("http://{}/graphql", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app.router).await });

    let client = reqwest::Client::new();
    let gql = |token: Option<String>, query: &'static str, variables: Value| {
        let mut req = client.post(&url).json(&json!({ "query": query, "variables": variables }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        async move { req.send().await?.json::<Value>().await }
    };
    let login = gql(
        None,
        "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }",
        json!({ "u": "perf_demo", "p": DEMO_PASSWORD }),
    )
    .await?;
    let token = login["data"]["login"]["accessToken"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("login failed: {login}"))?
        .to_owned();
    let years = gql(Some(token.clone()), "{ years { id status } }", json!({})).await?;
    let year = years["data"]["years"]
        .as_array()
        .and_then(|ys| ys.iter().find(|y| y["status"] == "EXECUTING"))
        .map(|y| y["id"].clone())
        .ok_or_else(|| anyhow::anyhow!("no executing year"))?;

    // Walk the pages of the current year, round and round.
    let mut cursor = Value::Null;
    let mut samples = Vec::with_capacity(requests);
    let mut total = 0;
    for i in 0..requests + 50 {
        let started = Instant::now();
        let res = gql(Some(token.clone()), LIST, json!({ "y": year, "after": cursor })).await?;
        let elapsed = started.elapsed();
        let page = &res["data"]["projects"];
        anyhow::ensure!(page["edges"].as_array().is_some_and(|e| !e.is_empty()), "bad answer: {res}");
        total = page["totalCount"].as_u64().unwrap_or(0);
        cursor =
            if page["pageInfo"]["hasNextPage"] == true { page["pageInfo"]["endCursor"].clone() } else { Value::Null };
        if i >= 50 {
            samples.push(elapsed);
        }
    }
    samples.sort();
    let pct = |p: usize| samples[(samples.len() * p / 100).min(samples.len() - 1)];
    // Milliseconds with two places, in integers (no floats in this codebase).
    let ms = |d: Duration| format!("{}.{:02}", d.as_micros() / 1000, d.as_micros() % 1000 / 10);
    let backend_name = if settings.database_url.starts_with("sqlite") { "SQLite" } else { "PostgreSQL" };
    println!(
        "projects list (first: 20, with unit and year) on {backend_name}, {total} projects in the year, {requests} requests:"
    );
    println!("  p50 {} ms   p95 {} ms   p99 {} ms   max {} ms", ms(pct(50)), ms(pct(95)), ms(pct(99)), ms(pct(100)));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
