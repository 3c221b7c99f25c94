//! The ex-ante gate cannot be bypassed (issue 7 item 1): the fields that decide
//! whether an assessment is required freeze once an assessment exists or the
//! target has left the unit; a return reopens them while none exists.

use jixiao_tests::{Actor, TestApp};
use serde_json::{Value, json};

use crate::targets::{SUBMIT, draft_and_submit, review};

const CREATE: &str = "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
const UPDATE: &str = "mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { name kind isNew requestedAmount } }";
const DELETE: &str = "mutation($id: ID!) { deleteProject(id: $id) }";
const REQUIRES: &str = "query($p: ID!) { target(projectId: $p) { state requiresExAnte } }";

/// A new project of D1 created by the department; returns its id.
async fn new_project(app: &TestApp, dept: &str, code: &str, requested: &str) -> String {
    let input = json!({ "yearId": app.fixture.year.to_string(), "code": code, "name": "县城第三小学新建工程",
        "kind": "PROJECT", "budgetType": "GENERAL_PUBLIC", "requestedAmount": requested, "isNew": true });
    let created = app.gql(Some(dept), CREATE, json!({ "i": input })).await;
    created.ok()["createProject"]["id"].as_str().unwrap().to_owned()
}

/// Each gate field changed alone (`is_new` is the project's current value) is
/// refused with `FIELD_FROZEN` naming it, and nothing is written.
async fn each_gate_field_is_frozen(app: &TestApp, token: &str, id: &str, is_new: bool) {
    let before = app.count("audit_log").await;
    for (input, field) in [
        (json!({ "isNew": !is_new }), "isNew"),
        (json!({ "requestedAmount": "4000000.00" }), "requestedAmount"),
        (json!({ "kind": "UNIT_OVERALL" }), "kind"),
        (json!({ "name": "改名", "isNew": !is_new, "requestedAmount": "1.00" }), "isNew"),
    ] {
        let res = app.gql(Some(token), UPDATE, json!({ "id": id, "i": input })).await;
        res.expect_code("FIELD_FROZEN");
        assert_eq!(res.field(), Some(field), "{input}: {}", res.body);
    }
    app.gql(Some(token), DELETE, json!({ "id": id })).await.expect_code("CONFLICT");
    assert_eq!(app.count("audit_log").await, before, "refused edits write nothing");
}

#[tokio::test]
async fn a_unit_cannot_lift_the_gate_after_a_rejection_by_editing_is_new_or_the_amount() {
    let app = TestApp::spawn().await;
    let (dept, perf, firm) =
        (app.token(Actor::Department).await, app.token(Actor::Performance).await, app.token(Actor::Evaluator).await);
    let id = new_project(&app, &dept, "XM-GATE", "40000000.00").await;
    draft_and_submit(&app, &dept, id.parse().unwrap()).await;
    let start = "mutation($p: ID!, $f: ID) { startExAnte(projectId: $p, assessorKind: FIRM, firmId: $f) { id } }";
    let a = app.gql(Some(&perf), start, json!({ "p": id, "f": app.fixture.firm.to_string() })).await.ok()["startExAnte"]
        ["id"]
        .clone();
    let score = "mutation($a: ID!) { submitExAnteScores(id: $a, scores: [\"8\", \"8\", \"9\", \"7\", \"10\"], opinion: \"立项依据不足\") { state } }";
    app.gql(Some(&firm), score, json!({ "a": a })).await.ok();
    let conclude = "mutation($a: ID!) { concludeExAnte(id: $a, conclusion: REJECT) { state } }";
    app.gql(Some(&perf), conclude, json!({ "a": a })).await.ok();

    // In review and assessed: frozen for the unit and the 绩效股 alike.
    each_gate_field_is_frozen(&app, &dept, &id, true).await;
    each_gate_field_is_frozen(&app, &perf, &id, true).await;
    // Returned to the unit: still frozen, the assessment was made on these fields.
    let section = app.token(Actor::Section).await;
    review(&app, &section, id.parse().unwrap(), "RETURN", Some("请补充可行性研究"), None).await.ok();
    each_gate_field_is_frozen(&app, &dept, &id, true).await;
    // Other fields, and the gate fields sent unchanged, still save.
    let same = json!({ "name": "县城第三小学新建工程（一期）", "isNew": true, "requestedAmount": "40000000", "kind": "PROJECT" });
    let saved = app.gql(Some(&dept), UPDATE, json!({ "id": id, "i": same })).await;
    assert_eq!(saved.ok()["updateProject"]["name"], "县城第三小学新建工程（一期）");
    assert_eq!(saved.ok()["updateProject"]["isNew"], true);
    let t = app.gql(Some(&perf), REQUIRES, json!({ "p": id })).await;
    assert_eq!(t.ok()["target"], json!({ "state": "RETURNED", "requiresExAnte": true }));
}

#[tokio::test]
async fn a_return_reopens_the_gate_fields_while_no_assessment_exists() {
    let app = TestApp::spawn().await;
    let dept = app.token(Actor::Department).await;
    let id = new_project(&app, &dept, "XM-RET", "100000.00").await;
    // In draft, the unit edits freely.
    let edited = app.gql(Some(&dept), UPDATE, json!({ "id": id, "i": { "requestedAmount": "120000.00" } })).await;
    assert_eq!(edited.ok()["updateProject"]["requestedAmount"], "120000.00");
    draft_and_submit(&app, &dept, id.parse().unwrap()).await;
    each_gate_field_is_frozen(&app, &dept, &id, true).await;
    // The documented adjustment: the reviewer returns, the unit changes and resubmits.
    let section = app.token(Actor::Section).await;
    review(&app, &section, id.parse().unwrap(), "RETURN", Some("延续项目，请更正"), None).await.ok();
    let edited = app.gql(Some(&dept), UPDATE, json!({ "id": id, "i": { "isNew": false } })).await;
    assert_eq!(edited.ok()["updateProject"]["isNew"], false);
    let entry = app.latest_audit().await;
    assert_eq!(entry.operation, "project.update");
    let resubmitted = app.gql(Some(&dept), SUBMIT, json!({ "p": id })).await;
    assert_eq!(resubmitted.ok()["submitTarget"], json!({ "state": "PENDING_INITIAL", "revision": 2 }));
    let t: Value = app.gql(Some(&dept), REQUIRES, json!({ "p": id })).await.ok()["target"].clone();
    assert_eq!(t, json!({ "state": "PENDING_INITIAL", "requiresExAnte": false }));
    each_gate_field_is_frozen(&app, &dept, &id, false).await;
}
