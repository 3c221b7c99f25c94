//! A budget adjustment in review is booked once (issue 7 item 2): money moves
//! only with a passing decision, once per step and revision.

use jixiao_tests::{Actor, TestApp};
use serde_json::json;

use super::{SUBMIT, draft_and_submit, experts, panel_passes, review};

async fn ledger_entries(app: &TestApp, project: i64) -> i64 {
    app.count(&format!("ledger_entry WHERE project_id = {project}")).await
}

#[tokio::test]
async fn return_resubmit_and_pass_book_the_adjustment_exactly_once() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let (dept, section, perf) =
        (app.token(Actor::Department).await, app.token(Actor::Section).await, app.token(Actor::Performance).await);
    draft_and_submit(&app, &dept, f.p_d1).await;

    // A return moves no money: an amount with it is refused, and nothing is written.
    let audit = app.count("audit_log").await;
    let refused = review(&app, &section, f.p_d1, "RETURN", Some("受益人数偏低"), Some("500.00")).await;
    refused.expect_code("BAD_USER_INPUT");
    assert_eq!(refused.field(), Some("adjustAmount"));
    assert_eq!((ledger_entries(&app, f.p_d1).await, app.count("audit_log").await), (0, audit));
    let returned = review(&app, &section, f.p_d1, "RETURN", Some("受益人数偏低"), None).await;
    assert_eq!(returned.ok()["reviewTarget"]["state"], "RETURNED");

    // Resubmitted (revision 2), 初审 passes with the adjustment: one entry.
    app.gql(Some(&dept), SUBMIT, json!({ "p": f.p_d1.to_string() })).await.ok();
    let passed = review(&app, &section, f.p_d1, "PASS", Some("同意，调减 500 元"), Some("500.00")).await;
    assert_eq!(passed.ok()["reviewTarget"]["adjustedTotal"], "500.00");
    assert_eq!(ledger_entries(&app, f.p_d1).await, 1);

    // The rest of the chain; 批复 sets the request less the cuts.
    review(&app, &perf, f.p_d1, "PASS", None, None).await.ok();
    experts(&app, &perf, "EDUCATION", 2, None).await;
    panel_passes(&app, &perf, "EDUCATION", 2, &[f.p_d1]).await;
    review(&app, &perf, f.p_d1, "PASS", None, None).await.ok();
    let approved = review(&app, &perf, f.p_d1, "APPROVE", None, None).await;
    assert_eq!(approved.ok()["reviewTarget"]["adjustedTotal"], "500.00");
    assert_eq!(ledger_entries(&app, f.p_d1).await, 1, "the adjustment is booked exactly once");
    let q = "query($p: ID!) { project(id: $p) { requestedAmount approvedAmount } }";
    let p = app.gql(Some(&perf), q, json!({ "p": f.p_d1.to_string() })).await;
    assert_eq!(p.ok()["project"], json!({ "requestedAmount": "10000.00", "approvedAmount": "9500.00" }));
}

#[tokio::test]
async fn two_reviewers_passing_the_same_step_at_once_book_one_adjustment() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.token(Actor::Department).await;
    let section = app.token(Actor::Section).await;
    draft_and_submit(&app, &dept, f.p_d1).await;
    let (a, b) = tokio::join!(
        review(&app, &section, f.p_d1, "PASS", Some("同意"), Some("300.00")),
        review(&app, &section, f.p_d1, "PASS", Some("同意"), Some("300.00")),
    );
    let codes = [a.code(), b.code()];
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 1, "exactly one wins: {} / {}", a.body, b.body);
    assert!(codes.contains(&Some("CONFLICT")), "the other gets a coded conflict: {} / {}", a.body, b.body);
    assert_eq!(ledger_entries(&app, f.p_d1).await, 1);
}
