//! The authorisation matrix (RULES.md §1), cell by cell: every operation ×
//! every role × own/other organisation, plus anonymous callers. It fails when
//! the schema has an operation the matrix does not list.

mod audit;
mod foundation;
mod indicators;
mod monitoring;
mod targets;

use std::collections::BTreeSet;

use jixiao_tests::{Actor, Gql, TestApp};
use serde_json::{Value, json};
use shared::errors;

/// What a cell must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Allowed, and the target row is in the answer.
    Ok,
    /// Allowed, but the target row is not in the answer (row scope).
    Hidden,
    Forbidden,
    NotFound,
    Unauthenticated,
}
use Want::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Own,
    Other,
}

/// Columns: Department, Township, Section(业务股室 A), Performance(绩效股),
/// Expert, Evaluator, Leadership, Admin(系统管理员), Security(安全管理员),
/// Auditor(审计管理员) — first for the caller's own unit, then for a unit
/// outside its scope. The order is `Actor::ALL`'s.
pub type Row = (&'static str, [Want; COLUMNS], [Want; COLUMNS]);

/// One column per fixture actor.
pub const COLUMNS: usize = Actor::ALL.len();

/// Column patterns the domains' rows share.
pub const ALL_OK: [Want; 10] = [Ok; 10];
pub const ADMIN_ONLY: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden];
/// The 绩效股 alone.
pub const PERF_ONLY: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden];
/// The 安全管理员 alone.
pub const SECURITY_ONLY: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden];
/// The 审计管理员 alone.
pub const AUDITOR_ONLY: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok];
/// County-wide readers: the 绩效股 and the leadership.
pub const COUNTY_READERS: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden];

/// Every domain's rows. A domain adds its module here and to `run`.
fn matrix() -> Vec<Row> {
    [foundation::ROWS, indicators::ROWS, targets::ROWS, monitoring::ROWS, audit::ROWS].concat()
}

/// Runs `op` as `token` (None = anonymous) against `unit` (the caller's own
/// or another unit). Returns the response and, for lists, the id the answer
/// must contain for `Ok`.
async fn run(app: &TestApp, op: &str, actor: Actor, token: Option<&str>, unit: i64) -> (Gql, Option<String>) {
    if let Some(res) = foundation::run(app, op, actor, token, unit).await {
        return res;
    }
    if let Some(res) = indicators::run(app, op, actor, token, unit).await {
        return res;
    }
    if let Some(res) = targets::run(app, op, actor, token, unit).await {
        return res;
    }
    if let Some(res) = monitoring::run(app, op, actor, token, unit).await {
        return res;
    }
    if let Some(res) = audit::run(app, op, actor, token, unit).await {
        return res;
    }
    panic!("operation {op} has no runner in the matrix")
}

/// Operations an anonymous caller may use.
const PUBLIC: &[&str] = &["login", "refresh", "logout"];

fn check(op: &str, who: &str, target: Target, want: Want, res: &Gql, must_contain: Option<&str>) -> Option<String> {
    let body = res.body.to_string();
    let got_ok = res.body.get("errors").is_none_or(Value::is_null);
    let contains = must_contain.map(|id| body.contains(&format!("\"id\":\"{id}\"")));
    let pass = match want {
        Ok => got_ok && contains.unwrap_or(true),
        Hidden => got_ok && contains == Some(false),
        Forbidden => res.code() == Some(errors::FORBIDDEN),
        NotFound => res.code() == Some(errors::NOT_FOUND),
        Unauthenticated => res.code() == Some(errors::UNAUTHENTICATED),
    };
    (!pass).then(|| format!("{op} as {who} on {target:?}: want {want:?}, got {body}"))
}

#[tokio::test]
async fn every_operation_is_in_the_matrix() {
    let app = TestApp::spawn().await;
    let res = app
        .gql(None, "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }", json!({}))
        .await;
    let schema = &res.ok()["__schema"];
    let mut in_schema = BTreeSet::new();
    for root in ["queryType", "mutationType"] {
        for field in schema[root]["fields"].as_array().expect("fields") {
            in_schema.insert(field["name"].as_str().expect("name").to_owned());
        }
    }
    let in_matrix: BTreeSet<String> = matrix().iter().map(|(op, _, _)| (*op).to_owned()).collect();
    assert_eq!(in_schema, in_matrix, "every Query and Mutation field needs a row in the authorisation matrix");
}

#[tokio::test]
async fn every_role_gets_exactly_what_the_matrix_says() {
    let app = TestApp::spawn().await;
    let mut tokens = Vec::new();
    for actor in Actor::ALL {
        tokens.push((actor, app.token(actor).await));
    }
    let mut failures = Vec::new();
    for (op, own, other) in matrix() {
        for (i, (actor, token)) in tokens.iter().enumerate() {
            for (target, want) in [(Target::Own, own[i]), (Target::Other, other[i])] {
                let unit = match target {
                    Target::Own => app.fixture.own_unit(*actor),
                    Target::Other => app.fixture.other_unit(*actor),
                };
                let (res, must_contain) = run(&app, op, *actor, Some(token), unit).await;
                failures.extend(check(op, actor.username(), target, want, &res, must_contain.as_deref()));
            }
        }
        if ENDS_SESSIONS.contains(&op) {
            // A password change ends every session of the user: log in again.
            for (actor, token) in &mut tokens {
                *token = app.token(*actor).await;
            }
        }
    }
    assert!(failures.is_empty(), "{} cells differ from the matrix:\n{}", failures.len(), failures.join("\n"));
}

/// Operations after which the user's earlier tokens no longer work.
const ENDS_SESSIONS: &[&str] = &["changePassword", "resetPassword"];

#[tokio::test]
async fn anonymous_callers_reach_only_the_session_operations() {
    let app = TestApp::spawn().await;
    let mut failures = Vec::new();
    for (op, _, _) in matrix() {
        let want = if PUBLIC.contains(&op) { Ok } else { Unauthenticated };
        let (res, _) = run(&app, op, Actor::Department, None, app.fixture.d1).await;
        failures.extend(check(op, "anonymous", Target::Own, want, &res, None));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Operations a user holding a one-time password (or awaiting its grant) may use.
const AT_THE_GATE: &[&str] = &["login", "refresh", "logout", "me", "changePassword"];

#[tokio::test]
async fn a_user_at_the_gate_reaches_only_its_password_change() {
    let app = TestApp::spawn().await;
    // The fixture's 绩效股 user, as if its password had just been reset.
    let perf = app.fixture.user_id(Actor::Performance);
    let gate = |must_change: bool, granted: bool| {
        format!("UPDATE app_user SET must_change_password = {must_change}, role_granted = {granted} WHERE id = {perf}")
    };
    let mut failures = Vec::new();
    for (must_change, granted, code) in [(true, true, "PASSWORD_CHANGE_REQUIRED"), (false, false, "ROLE_NOT_GRANTED")] {
        for (op, _, _) in matrix() {
            // Afresh for every operation: a password change leaves the gate.
            app.exec(&gate(must_change, granted)).await;
            let token = app.token(Actor::Performance).await;
            let (res, _) = run(&app, op, Actor::Performance, Some(&token), app.fixture.d1).await;
            if AT_THE_GATE.contains(&op) {
                failures.extend(check(op, "perf at the gate", Target::Own, Ok, &res, None));
            } else if res.code() != Some(code) {
                failures.push(format!("{op} at the gate: want {code}, got {}", res.body));
            }
        }
    }
    app.exec(&gate(false, true)).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn nothing_a_refused_cell_asked_for_was_written() {
    let app = TestApp::spawn().await;
    let before = (
        app.count("project").await,
        app.count("organisation").await,
        app.count("app_user").await,
        app.count("fiscal_year").await,
    );
    let token = app.token(Actor::Leadership).await;
    for op in ["createProject", "updateProject", "createOrganisation", "createUser", "createYear"] {
        let (res, _) = run(&app, op, Actor::Leadership, Some(&token), app.fixture.d1).await;
        res.expect_code("FORBIDDEN");
    }
    let name = app
        .as_actor(
            Actor::Performance,
            "query($id: ID!) { project(id: $id) { name } }",
            json!({ "id": app.fixture.p_d1.to_string() }),
        )
        .await;
    assert_eq!(name.ok()["project"]["name"], "P-D1 项目");
    let after = (
        app.count("project").await,
        app.count("organisation").await,
        app.count("app_user").await,
        app.count("fiscal_year").await,
    );
    assert_eq!(before, after);
}
