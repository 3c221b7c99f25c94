//! The authorisation matrix (RULES.md §1), cell by cell: every operation ×
//! every role × own/other organisation, plus anonymous callers. It fails when
//! the schema has an operation the matrix does not list.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, Ordering};

use jixiao_tests::{Actor, Gql, PASSWORD, TestApp, fixture};
use serde_json::{Value, json};

/// What a cell must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
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
enum Target {
    Own,
    Other,
}

/// Columns: Department, Township, Section(业务股室 A), Performance(绩效股),
/// Expert, Evaluator, Leadership, Admin — first for the caller's own unit,
/// then for a unit outside its scope.
type Row = (&'static str, [Want; 8], [Want; 8]);

const ALL_OK: [Want; 8] = [Ok; 8];
const ADMIN_ONLY: [Want; 8] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok];

const MATRIX: &[Row] = &[
    // Queries
    ("me", ALL_OK, ALL_OK),
    ("years", ALL_OK, ALL_OK),
    (
        "organisations",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Ok],
        [Hidden, Hidden, Hidden, Ok, Forbidden, Forbidden, Ok, Ok],
    ),
    (
        "organisation",
        [Ok, Ok, Ok, Ok, NotFound, NotFound, Ok, Ok],
        [NotFound, NotFound, NotFound, Ok, NotFound, NotFound, Ok, Ok],
    ),
    ("users", ADMIN_ONLY, ADMIN_ONLY),
    (
        "projects",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Forbidden],
        [Hidden, Hidden, Hidden, Ok, Forbidden, Forbidden, Ok, Forbidden],
    ),
    (
        "project",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Ok, Forbidden],
    ),
    (
        "countyOverview",
        [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Ok, Forbidden],
        [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Ok, Forbidden],
    ),
    // Mutations
    ("login", ALL_OK, ALL_OK),
    ("refresh", ALL_OK, ALL_OK),
    ("logout", ALL_OK, ALL_OK),
    ("changePassword", ALL_OK, ALL_OK),
    ("createYear", ADMIN_ONLY, ADMIN_ONLY),
    ("advanceYear", ADMIN_ONLY, ADMIN_ONLY),
    ("createOrganisation", ADMIN_ONLY, ADMIN_ONLY),
    ("updateOrganisation", ADMIN_ONLY, ADMIN_ONLY),
    ("createUser", ADMIN_ONLY, ADMIN_ONLY),
    ("updateUser", ADMIN_ONLY, ADMIN_ONLY),
    (
        "createProject",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "updateProject",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "deleteProject",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
];

/// Operations an anonymous caller may use.
const PUBLIC: &[&str] = &["login", "refresh", "logout"];

static SERIAL: AtomicU32 = AtomicU32::new(0);
/// Fresh year numbers for createYear and advanceYear cells (years run 2000–2100).
static NEW_YEAR: AtomicU32 = AtomicU32::new(2040);
static ADVANCED_YEAR: AtomicU32 = AtomicU32::new(2070);

fn serial() -> u32 {
    SERIAL.fetch_add(1, Ordering::Relaxed)
}

/// Runs operation `op` as `token` (None = anonymous) against `unit`, the
/// caller's own or another unit. Returns the response and the id of the row
/// the answer must contain for `Ok` (for lists).
async fn run(app: &TestApp, op: &str, actor: Actor, token: Option<&str>, unit: i64) -> (Gql, Option<String>) {
    let f = &app.fixture;
    let id = |n: i64| json!(n.to_string());
    let n = serial();
    match op {
        "me" => (app.gql(token, "{ me { id } }", json!({})).await, None),
        "years" => (app.gql(token, "{ years { id } }", json!({})).await, None),
        "organisations" => {
            let code = org_code(f, unit);
            let q = "query($s: String) { organisations(search: $s, first: 100) { edges { node { id } } } }";
            (app.gql(token, q, json!({ "s": code })).await, Some(unit.to_string()))
        }
        "organisation" => (
            app.gql(token, "query($id: ID!) { organisation(id: $id) { id name } }", json!({ "id": id(unit) })).await,
            None,
        ),
        "users" => {
            (app.gql(token, "{ users(first: 5) { totalCount edges { node { id username } } } }", json!({})).await, None)
        }
        "projects" => {
            let q = "query($u: ID) { projects(filter: { unitId: $u }, first: 100) { edges { node { id } } } }";
            let project = f.project_of(unit);
            (app.gql(token, q, json!({ "u": id(unit) })).await, Some(project.to_string()))
        }
        "project" => (
            app.gql(token, "query($id: ID!) { project(id: $id) { id name } }", json!({ "id": id(f.project_of(unit)) }))
                .await,
            None,
        ),
        "countyOverview" => (
            app.gql(
                token,
                "query($y: ID!) { countyOverview(yearId: $y) { projectCount } }",
                json!({ "y": id(f.year) }),
            )
            .await,
            None,
        ),
        "login" => (app.login(actor.username(), PASSWORD).await, None),
        "refresh" => {
            let login = app.login(actor.username(), PASSWORD).await;
            let t = login.ok()["login"]["refreshToken"].clone();
            (
                app.gql(
                    token,
                    "mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }",
                    json!({ "t": t }),
                )
                .await,
                None,
            )
        }
        "logout" => {
            let login = app.login(actor.username(), PASSWORD).await;
            let t = login.ok()["login"]["refreshToken"].clone();
            (app.gql(token, "mutation($t: String!) { logout(refreshToken: $t) }", json!({ "t": t })).await, None)
        }
        "changePassword" => {
            let q = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
            (app.gql(token, q, json!({ "c": PASSWORD, "n": PASSWORD })).await, None)
        }
        "createYear" => {
            let year = NEW_YEAR.fetch_add(1, Ordering::Relaxed);
            (app.gql(token, "mutation($y: Int!) { createYear(year: $y) { id } }", json!({ "y": year })).await, None)
        }
        "advanceYear" => {
            let number = i32::try_from(ADVANCED_YEAR.fetch_add(1, Ordering::Relaxed)).unwrap_or(2099);
            let year = fixture::year(&app.db, number, shared::years::YearStatus::Drafting).await;
            (
                app.gql(token, "mutation($id: ID!) { advanceYear(id: $id) { status } }", json!({ "id": id(year) }))
                    .await,
                None,
            )
        }
        "createOrganisation" => {
            let q = "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }";
            let input = json!({ "kind": "DEPARTMENT", "code": format!("NEW-{n}"), "name": "新设单位", "sectionId": id(f.section_a) });
            (app.gql(token, q, json!({ "i": input })).await, None)
        }
        "updateOrganisation" => {
            let q =
                "mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id } }";
            (app.gql(token, q, json!({ "id": id(unit), "i": { "name": format!("改名单位{n}") } })).await, None)
        }
        "createUser" => {
            let q = "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }";
            let input = json!({ "username": format!("new_user_{n}"), "displayName": "新用户", "password": "New@2026pass", "role": "DEPARTMENT", "organisationId": id(unit) });
            (app.gql(token, q, json!({ "i": input })).await, None)
        }
        "updateUser" => {
            let q = "mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }";
            let target = f.user_id(Actor::Department);
            (app.gql(token, q, json!({ "id": id(target), "i": { "displayName": format!("王老师{n}") } })).await, None)
        }
        "createProject" => {
            let q = "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
            let input = json!({ "yearId": id(f.year), "unitId": id(unit), "code": format!("MX-{n}"), "name": "矩阵项目", "kind": "PROJECT", "budgetType": "GENERAL_PUBLIC", "requestedAmount": "100.00", "isNew": true });
            (app.gql(token, q, json!({ "i": input })).await, None)
        }
        "updateProject" => {
            let q = "mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id } }";
            (
                app.gql(token, q, json!({ "id": id(f.project_of(unit)), "i": { "name": format!("改名{n}") } })).await,
                None,
            )
        }
        "deleteProject" => {
            let victim = fixture::add_project(&app.db, f.year, unit, &format!("DEL-{n}"), None).await;
            (app.gql(token, "mutation($id: ID!) { deleteProject(id: $id) }", json!({ "id": id(victim) })).await, None)
        }
        other => panic!("operation {other} has no runner in the matrix"),
    }
}

fn org_code(f: &jixiao_tests::Fixture, unit: i64) -> &'static str {
    [(f.d1, "D1"), (f.d2, "D2"), (f.t1, "T1"), (f.t2, "T2")]
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, c)| *c)
        .expect("unit code")
}

fn check(op: &str, who: &str, target: Target, want: Want, res: &Gql, must_contain: Option<&str>) -> Option<String> {
    let body = res.body.to_string();
    let got_ok = res.body.get("errors").is_none_or(Value::is_null);
    let contains = must_contain.map(|id| body.contains(&format!("\"id\":\"{id}\"")));
    let pass = match want {
        Ok => got_ok && contains.unwrap_or(true),
        Hidden => got_ok && contains == Some(false),
        Forbidden => res.code() == Some("FORBIDDEN"),
        NotFound => res.code() == Some("NOT_FOUND"),
        Unauthenticated => res.code() == Some("UNAUTHENTICATED"),
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
    let in_matrix: BTreeSet<String> = MATRIX.iter().map(|(op, _, _)| (*op).to_owned()).collect();
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
    for (op, own, other) in MATRIX {
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
    }
    assert!(failures.is_empty(), "{} cells differ from the matrix:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test]
async fn anonymous_callers_reach_only_the_session_operations() {
    let app = TestApp::spawn().await;
    let mut failures = Vec::new();
    for (op, _, _) in MATRIX {
        let want = if PUBLIC.contains(op) { Ok } else { Unauthenticated };
        let (res, _) = run(&app, op, Actor::Department, None, app.fixture.d1).await;
        failures.extend(check(op, "anonymous", Target::Own, want, &res, None));
    }
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
