//! The lockout holds under concurrency (issue 8 item 1): failures are counted
//! by the database, not read and written back.

use jixiao_tests::{PASSWORD, TestApp};
use serde_json::json;

use super::{audit_count, exec};

/// Sends `n` logins at once and waits for all of them.
pub async fn parallel_logins(app: &TestApp, username: &str, password: &str, n: usize) -> Vec<serde_json::Value> {
    let query = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }";
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..n {
        let request = app.http().post(app.url("/graphql")).json(&json!({
            "query": query,
            "variables": { "u": username, "p": password },
        }));
        tasks
            .spawn(async move { request.send().await.expect("sent").json::<serde_json::Value>().await.expect("json") });
    }
    tasks.join_all().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_wrong_passwords_lock_the_account() {
    let app = TestApp::spawn().await;
    let answers = parallel_logins(&app, "dept1", "Wrong@2026pw", 50).await;
    assert!(answers.iter().all(|a| a["errors"][0]["extensions"]["code"].is_string()), "{answers:?}");
    // Whatever the interleaving, the account is locked now.
    app.login("dept1", PASSWORD).await.expect_code("ACCOUNT_LOCKED");
    assert!(audit_count(&app, "user.locked").await >= 1);
    exec(&app, "UPDATE app_user SET locked_until = NULL WHERE username = 'dept1'").await;
    app.login("dept1", PASSWORD).await.ok();
}
