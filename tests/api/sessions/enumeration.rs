//! No user enumeration, no password spraying through one request (issue 8
//! item 2): a wrong password gets one answer whatever the account, and one
//! request holds at most one `login` and one `refresh`.

use std::time::{Duration, Instant};

use backend::config::HashCost;
use jixiao_tests::{PASSWORD, TestApp};
use serde_json::json;

use super::{audit_count, exec};

const WRONG: &str = "Wrong@2026pw";

#[tokio::test]
async fn a_wrong_password_gets_one_answer_whether_the_user_is_unknown_known_locked_or_disabled() {
    let app = TestApp::spawn().await;
    exec(&app, "UPDATE app_user SET locked_until = '2999-01-01T00:00:00+00:00' WHERE username = 'town1'").await;
    exec(&app, "UPDATE app_user SET active = false WHERE username = 'section_a'").await;
    let mut answers = Vec::new();
    for username in ["nobody", "dept1", "town1", "section_a", "dept1"] {
        let res = app.login(username, WRONG).await;
        answers.push((username, res.code().map(str::to_owned), res.message().map(str::to_owned)));
    }
    for (username, code, message) in &answers {
        assert_eq!(code.as_deref(), Some("UNAUTHENTICATED"), "{username}: {answers:?}");
        assert_eq!(message.as_deref(), Some("用户名或密码错误"), "{username}: {answers:?}");
    }
    // The account's state is told only to the right password.
    app.login("town1", PASSWORD).await.expect_code("ACCOUNT_LOCKED");
    let disabled = app.login("section_a", PASSWORD).await;
    disabled.expect_code("UNAUTHENTICATED");
    assert_ne!(disabled.message(), Some("用户名或密码错误"));
}

#[tokio::test]
async fn an_unknown_username_costs_a_password_check_like_a_known_one() {
    let app = TestApp::spawn_with(|s| s.hash_cost = HashCost::PRODUCTION).await;
    // The fixture's hashes are cheap; give dept1 one of production cost.
    let hash = backend::sessions::password::hash(PASSWORD, HashCost::PRODUCTION).unwrap();
    exec(&app, &format!("UPDATE app_user SET password_hash = '{hash}' WHERE username = 'dept1'")).await;
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for _ in 0..4 {
        for (username, times) in [("dept1", &mut known), ("nobody", &mut unknown)] {
            let start = Instant::now();
            app.login(username, WRONG).await.expect_code("UNAUTHENTICATED");
            times.push(start.elapsed());
        }
        // Stay below the lockout.
        exec(&app, "UPDATE app_user SET failed_logins = 0 WHERE username = 'dept1'").await;
    }
    let (known, unknown) = (median(known), median(unknown));
    assert!(unknown * 2 > known, "unknown {unknown:?} vs known {known:?}");
}

#[tokio::test]
async fn one_request_holds_one_login_and_one_refresh() {
    let app = TestApp::spawn().await;
    let logins = format!(
        "mutation {{ a: login(username: \"dept1\", password: \"{WRONG}\") {{ accessToken }} b: login(username: \"dept1\", password: \"x\") {{ accessToken }} }}"
    );
    let res = app.gql(None, &logins, json!({})).await;
    res.expect_code("QUERY_LIMIT");
    assert_eq!(res.body["errors"][0]["extensions"]["limit"], "login");
    // Through fragments too.
    let spread = format!(
        "mutation {{ ...F ...F }} fragment F on Mutation {{ login(username: \"dept1\", password: \"{WRONG}\") {{ accessToken }} }}"
    );
    app.gql(None, &spread, json!({})).await.expect_code("QUERY_LIMIT");
    let refreshes =
        "mutation { a: refresh(refreshToken: \"x\") { accessToken } b: refresh(refreshToken: \"y\") { accessToken } }";
    let res = app.gql(None, refreshes, json!({})).await;
    assert_eq!(res.body["errors"][0]["extensions"]["limit"], "refresh", "{}", res.body);
    // Nothing was tried.
    assert_eq!(audit_count(&app, "session.login_failed").await, 0);
    // A batch (a JSON array of requests) is refused as a whole.
    let query = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }";
    let one = json!({ "query": query, "variables": { "u": "dept1", "p": WRONG } });
    let batch = app.http().post(app.url("/graphql")).json(&json!([one, one, one])).send().await.unwrap();
    assert_eq!(batch.status().as_u16(), 400);
    let body: serde_json::Value = batch.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert_eq!(audit_count(&app, "session.login_failed").await, 0);
    // One of each in one request is fine.
    app.login("dept1", PASSWORD).await.ok();
}
