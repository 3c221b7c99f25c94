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
use backend::viewer::Viewer;
use chrono::Utc;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, EntityTrait, Set, Statement};
use serde_json::{Value, json};
use shared::organisations::OrgKind;
use shared::roles::Role;

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

/// Inserts the county-scale data set; returns the round and the 绩效股 viewer.
async fn seed(db: &DatabaseConnection) -> anyhow::Result<(i64, Viewer)> {
    use backend::monitoring::reports::{entity as report, indicator};
    use backend::monitoring::rounds::{entity as round, unit as round_unit};
    use backend::organisations::entity as organisation;
    use backend::projects::entity as project;
    use backend::targets::entity as target;
    use backend::users::entity as user;
    use backend::years::entity as fiscal_year;
    use sea_orm::ActiveModelTrait;

    let now = Utc::now();
    let org = |kind: OrgKind, code: String, name: String, section: Option<i64>| organisation::ActiveModel {
        kind: Set(kind.as_str().into()),
        code: Set(code),
        name: Set(name),
        parent_id: Set(None),
        section_id: Set(section),
        created_at: Set(now),
        ..Default::default()
    };
    let perf_org = org(OrgKind::PerformanceSection, "S-JX".into(), "绩效股".into(), None).insert(db).await?;
    let section = org(OrgKind::BusinessSection, "S-A".into(), "业务股".into(), None).insert(db).await?;
    let mut unit_rows = Vec::new();
    for i in 0..UNITS {
        let kind = if i < 187 { OrgKind::Department } else { OrgKind::Township };
        unit_rows.push(org(kind, format!("U{i:03}"), format!("单位{i:03}"), Some(section.id)));
    }
    organisation::Entity::insert_many(unit_rows).exec(db).await?;
    let units: Vec<i64> = organisation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|o| o.code.starts_with('U'))
        .map(|o| o.id)
        .collect();
    let hash = backend::sessions::password::hash("Bench@2026", HashCost::TEST)?;
    let perf = user::ActiveModel {
        username: Set("perf".into()),
        display_name: Set("绩效股".into()),
        password_hash: Set(hash),
        role: Set(Role::FinanceSection.as_str().into()),
        organisation_id: Set(perf_org.id),
        active: Set(true),
        failed_logins: Set(0),
        locked_until: Set(None),
        last_login_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let year = fiscal_year::ActiveModel {
        year: Set(2026),
        status: Set("executing".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut rows = Vec::new();
    for i in 0..PROJECTS {
        rows.push(project::ActiveModel {
            year_id: Set(year.id),
            unit_id: Set(units[i % units.len()]),
            code: Set(format!("P{i:05}")),
            name: Set(format!("项目{i:05}")),
            kind: Set("project".into()),
            budget_type: Set("general_public".into()),
            requested_fen: Set(100_000_000),
            approved_fen: Set(Some(100_000_000)),
            is_new: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
    }
    for chunk in rows.chunks(500) {
        project::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let projects = project::Entity::find().all(db).await?;
    let indicators: Vec<Value> = (0..INDICATORS_PER_PROJECT)
        .map(|k| json!({ "level2": if k % 3 == 0 { "SOCIAL" } else { "QUANTITY" }, "name": format!("指标{k}"), "comparator": "AT_LEAST", "targetValue": "1200", "unit": "人", "weight": "9", "direction": "POSITIVE", "scoringStandard": "", "explanation": "", "source": "LIBRARY", "libraryId": null }))
        .collect();
    let json_text = serde_json::to_string(&indicators)?;
    let targets: Vec<target::ActiveModel> = projects
        .iter()
        .map(|p| target::ActiveModel {
            project_id: Set(p.id),
            state: Set("approved".into()),
            revision: Set(1),
            overall_goal: Set("目标".into()),
            indicators: Set(json_text.clone()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in targets.chunks(500) {
        target::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let r = round::ActiveModel {
        year_id: Set(year.id),
        month: Set(9),
        due_date: Set("2026-10-10".into()),
        rule: Set("ratio".into()),
        status: Set("open".into()),
        created_by: Set(perf.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let round_units: Vec<round_unit::ActiveModel> = units
        .iter()
        .map(|u| round_unit::ActiveModel {
            round_id: Set(r.id),
            unit_id: Set(*u),
            submitted_at: Set(Some(now)),
            reviewed_at: Set(None),
            reviewed_by: Set(None),
            review_note: Set(String::new()),
            ..Default::default()
        })
        .collect();
    round_unit::Entity::insert_many(round_units).exec(db).await?;
    let lights = ["green", "yellow", "red", "blue"];
    let reports: Vec<report::ActiveModel> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| report::ActiveModel {
            round_id: Set(r.id),
            project_id: Set(p.id),
            unit_id: Set(p.unit_id),
            executed_fen: Set(50_000_000),
            execution_rate: Set("50.00".into()),
            execution_light: Set("green".into()),
            light: Set(lights[i % 4].into()),
            reported_by: Set(perf.id),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in reports.chunks(500) {
        report::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let report_ids: Vec<i64> = report::Entity::find().all(db).await?.into_iter().map(|r| r.id).collect();
    let mut ind_rows = Vec::new();
    for id in &report_ids {
        for k in 0..INDICATORS_PER_PROJECT {
            ind_rows.push(indicator::ActiveModel {
                project_report_id: Set(*id),
                position: Set(i32::try_from(k).unwrap_or(0)),
                name: Set(format!("指标{k}")),
                actual: Set(Some("900".into())),
                qualitative: Set(None),
                likelihood: Set("certain".into()),
                forecast: Set(None),
                reasons: Set(String::new()),
                measures: Set(String::new()),
                light: Set("green".into()),
                ..Default::default()
            });
        }
    }
    for chunk in ind_rows.chunks(1000) {
        indicator::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let viewer = Viewer {
        user_id: perf.id,
        username: "perf".into(),
        role: Role::FinanceSection,
        org_id: perf_org.id,
        org_kind: OrgKind::PerformanceSection,
        restriction: None,
    };
    Ok((r.id, viewer))
}
