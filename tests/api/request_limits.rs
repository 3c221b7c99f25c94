//! No request stalls the rest (issue 8 item 4): the 2,900 aliases of
//! `exportLibraryIndicators` are refused before anything runs, so are
//! repeated expensive fields and alias floods; a request past its time budget
//! gets a coded error; hostile requests leave a normal user's list fast.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use jixiao_tests::{Actor, Backend, TestApp};
use serde_json::json;

fn aliases(n: usize, field: &str) -> String {
    format!("{{ {} }}", (0..n).map(|i| format!("a{i}: {field}")).collect::<Vec<_>>().join(" "))
}

#[tokio::test]
async fn floods_of_aliases_and_repeated_expensive_fields_are_refused_with_a_code() {
    let app = TestApp::spawn().await;
    let expert = app.token(Actor::Expert).await;
    let perf = app.token(Actor::Performance).await;
    let audits = app.count("audit_log").await;
    // The request of the issue: it held the pool for 11 s and answered 30 MB.
    let started = Instant::now();
    let res = app.gql(Some(&expert), &aliases(2_900, "exportLibraryIndicators"), json!({})).await;
    assert_eq!(res.status, 200);
    res.expect_code("QUERY_LIMIT");
    assert_eq!(res.body["errors"][0]["extensions"]["limit"], "fields");
    assert!(res.data().is_null(), "nothing ran: {}", res.body);
    assert!(started.elapsed() < Duration::from_secs(2), "refused at once, took {:?}", started.elapsed());

    let res = app.gql(Some(&expert), &aliases(2, "exportLibraryIndicators"), json!({})).await;
    res.expect_code("QUERY_LIMIT");
    assert_eq!(res.body["errors"][0]["extensions"]["limit"], "expensive");
    let two_kinds =
        "query($y: ID!) { countyOverview(yearId: $y) { projectCount } ledgerSummary(yearId: $y) { count } }";
    let res = app.gql(Some(&perf), two_kinds, json!({ "y": app.fixture.year.to_string() })).await;
    assert_eq!(res.body["errors"][0]["extensions"]["limit"], "expensive", "{}", res.body);
    // Through fragments too.
    let spread = "query { ...F ...G } fragment F on Query { exportLibraryIndicators } fragment G on Query { x: exportLibraryIndicators }";
    app.gql(Some(&expert), spread, json!({})).await.expect_code("QUERY_LIMIT");

    let res = app.gql(Some(&expert), &aliases(100, "me { id }"), json!({})).await;
    assert_eq!(res.body["errors"][0]["extensions"]["limit"], "aliases", "{}", res.body);
    // Anonymous callers are measured too (before anything else).
    app.gql(None, &aliases(1_000, "__typename"), json!({})).await.expect_code("QUERY_LIMIT");
    assert_eq!(app.count("audit_log").await, audits);

    // One export per request still works.
    let one = app.gql(Some(&expert), "{ exportLibraryIndicators }", json!({})).await;
    assert!(one.ok()["exportLibraryIndicators"].as_str().is_some_and(|s| s.len() > 1_000));
}

#[tokio::test]
async fn a_request_past_its_time_budget_gets_a_coded_error() {
    // A zero budget: any request that waits on the database runs out.
    let app = TestApp::spawn_with(|s| s.request_timeout = Duration::ZERO).await;
    let res = app.login("dept1", jixiao_tests::PASSWORD).await;
    assert_eq!(res.status, 200);
    res.expect_code("TIMEOUT");
}

#[tokio::test]
async fn postgres_cancels_a_statement_past_the_statement_timeout() {
    if Backend::from_env() != Backend::Postgres {
        return; // SQLite has no statement timeout: the time budget stops the request.
    }
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn_with(|s| s.statement_timeout = Duration::from_millis(200)).await;
    let started = Instant::now();
    let err = app.db.execute_unprepared("SELECT pg_sleep(5)").await.expect_err("cancelled");
    assert!(err.to_string().contains("statement timeout"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_requests_leave_a_normal_users_list_fast() {
    let app = Arc::new(TestApp::spawn().await);
    let expert = app.token(Actor::Expert).await;
    let user = app.token(Actor::Department).await;
    let list = "{ projects(first: 20) { totalCount edges { node { id code name requestedAmount } } } }";
    // Warm up (first connections, caches).
    for _ in 0..3 {
        app.gql(Some(&user), list, json!({})).await.ok();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let mut hostile = Vec::new();
    for _ in 0..3 {
        let (app, expert, stop) = (app.clone(), expert.clone(), stop.clone());
        hostile.push(tokio::spawn(async move {
            let bomb = aliases(2_900, "exportLibraryIndicators");
            let mut sent = 0u32;
            while !stop.load(Ordering::Relaxed) {
                app.gql(Some(&expert), &bomb, json!({})).await.expect_code("QUERY_LIMIT");
                // The most one request may ask for: one export.
                app.gql(Some(&expert), "{ exportLibraryIndicators }", json!({})).await.ok();
                sent += 2;
            }
            sent
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut times = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        app.gql(Some(&user), list, json!({})).await.ok();
        times.push(started.elapsed());
    }
    stop.store(true, Ordering::Relaxed);
    let mut sent = 0;
    for task in hostile {
        sent += task.await.expect("hostile task");
    }
    times.sort();
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    eprintln!(
        "normal list under {sent} hostile requests: median {median:?}, p90 {p90:?}, max {:?}",
        times[times.len() - 1]
    );
    assert!(sent >= 6, "the hostile requests ran alongside ({sent})");
    // The figure: other users waited 10 s. Typically a list stays under
    // 100 ms; on a loaded 2-core machine (the whole suite runs in parallel) a
    // single request may take longer, but none waits for the hostile ones.
    assert!(
        median < Duration::from_millis(100),
        "a normal list took {median:?} (median) under hostile load: {times:?}"
    );
    assert!(times[times.len() - 1] < Duration::from_secs(1), "a normal list waited: {times:?}");
}
