//! Login attempts are rate-limited per client address and per username, and
//! password checks run off the request threads (issue 8 item 2).

use std::time::{Duration, Instant};

use backend::config::HashCost;
use jixiao_tests::{PASSWORD, TestApp};
use serde_json::json;

use super::lockout::parallel_logins;

const WRONG: &str = "Wrong@2026pw";

#[tokio::test]
async fn logins_for_one_username_are_limited_from_any_address() {
    let app = TestApp::spawn_with(|s| s.login_rate_per_username = 3).await;
    for _ in 0..3 {
        app.login("DEPT1", WRONG).await.expect_code("UNAUTHENTICATED");
    }
    // The fourth attempt is refused before any password check, even the right one.
    let refused = app.login("dept1", PASSWORD).await;
    refused.expect_code("RATE_LIMITED");
    assert!(refused.message().unwrap().contains("秒后再试"), "{}", refused.body);
    // The same for a name that does not exist: the limit tells nothing.
    for _ in 0..3 {
        app.login("nobody", WRONG).await.expect_code("UNAUTHENTICATED");
    }
    app.login("nobody", WRONG).await.expect_code("RATE_LIMITED");
    // Other users are not held up.
    app.login("town1", PASSWORD).await.ok();
}

#[tokio::test]
async fn logins_from_one_address_are_limited_across_usernames() {
    let app = TestApp::spawn_with(|s| s.login_rate_per_address = 4).await;
    for username in ["u1", "u2", "u3", "u4"] {
        app.login(username, WRONG).await.expect_code("UNAUTHENTICATED");
    }
    app.login("dept1", PASSWORD).await.expect_code("RATE_LIMITED");
    // Parallel requests do not slip through either.
    let answers = parallel_logins(&app, "town1", PASSWORD, 10).await;
    assert!(answers.iter().all(|a| a["errors"][0]["extensions"]["code"] == "RATE_LIMITED"), "{answers:?}");
}

#[tokio::test]
async fn a_proxy_header_names_the_client_when_configured() {
    let app = TestApp::spawn_with(|s| {
        s.login_rate_per_address = 1;
        s.client_ip_header = Some("X-Real-IP".into());
    })
    .await;
    let query = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }";
    let login = |ip: &'static str| {
        app.http()
            .post(app.url("/graphql"))
            .header("X-Real-IP", ip)
            .json(&json!({ "query": query, "variables": { "u": "dept1", "p": PASSWORD } }))
            .send()
    };
    let code = |body: serde_json::Value| body["errors"][0]["extensions"]["code"].as_str().map(str::to_owned);
    assert_eq!(code(login("10.0.0.1").await.unwrap().json().await.unwrap()), None);
    assert_eq!(code(login("10.0.0.2").await.unwrap().json().await.unwrap()), None);
    assert_eq!(code(login("10.0.0.1").await.unwrap().json().await.unwrap()).as_deref(), Some("RATE_LIMITED"));
}

#[tokio::test]
async fn logins_do_not_hold_up_other_requests() {
    // Expensive hashes, one at a time: eight logins take eight hashing times.
    let app = TestApp::spawn_with(|s| {
        s.hash_cost = HashCost::PRODUCTION;
        s.hashing_concurrency = 1;
    })
    .await;
    let started = Instant::now();
    let logins = tokio::spawn({
        let client = app.http().clone();
        let url = app.url("/graphql");
        async move {
            let mut tasks = tokio::task::JoinSet::new();
            for i in 0..8 {
                let request = client.post(&url).json(&json!({
                    "query": "mutation($u: String!) { login(username: $u, password: \"Wrong@2026pw\") { accessToken } }",
                    "variables": { "u": format!("nobody{i}") },
                }));
                tasks.spawn(async move { request.send().await.map(|r| r.status()) });
            }
            tasks.join_all().await;
            started.elapsed()
        }
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    let asked = Instant::now();
    let health = app.http().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status().as_u16(), 200);
    let waited = asked.elapsed();
    let all_logins = logins.await.unwrap();
    assert!(waited * 4 < all_logins, "a health check waited {waited:?} while eight logins took {all_logins:?}");
}
