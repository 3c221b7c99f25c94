//! Rows and runners of the foundation's operations: sessions, users,
//! organisations, years, projects, the county overview.

use std::sync::atomic::{AtomicU32, Ordering};

use jixiao_tests::{Actor, Gql, PASSWORD, TestApp, fixture};
use serde_json::json;

use super::Want::*;
use super::{ADMIN_ONLY, ALL_OK, Row, SECURITY_ONLY};

/// The user directory: the 系统管理员 (accounts) and the 安全管理员 (grants).
const USER_DIRECTORY: [super::Want; 10] =
    [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Ok, Forbidden];

pub const ROWS: &[Row] = &[
    // Queries
    ("me", ALL_OK, ALL_OK),
    ("years", ALL_OK, ALL_OK),
    (
        "organisations",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Ok, Ok, Forbidden],
        [Hidden, Hidden, Hidden, Ok, Forbidden, Forbidden, Ok, Ok, Ok, Forbidden],
    ),
    (
        "organisation",
        [Ok, Ok, Ok, Ok, NotFound, NotFound, Ok, Ok, Ok, NotFound],
        [NotFound, NotFound, NotFound, Ok, NotFound, NotFound, Ok, Ok, Ok, NotFound],
    ),
    ("users", USER_DIRECTORY, USER_DIRECTORY),
    (
        "projects",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        [Hidden, Hidden, Hidden, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
    ),
    (
        "project",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
    ),
    (
        "countyOverview",
        [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
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
    ("grantRole", SECURITY_ONLY, SECURITY_ONLY),
    ("resetPassword", SECURITY_ONLY, SECURITY_ONLY),
    ("unlockUser", SECURITY_ONLY, SECURITY_ONLY),
    (
        "createProject",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "updateProject",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "deleteProject",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
];

static SERIAL: AtomicU32 = AtomicU32::new(0);
/// Fresh year numbers for createYear and advanceYear cells (years run 2000–2100).
static NEW_YEAR: AtomicU32 = AtomicU32::new(2040);
static ADVANCED_YEAR: AtomicU32 = AtomicU32::new(2070);

fn serial() -> u32 {
    SERIAL.fetch_add(1, Ordering::Relaxed)
}

/// Runs a foundation operation; `None` if `op` is another domain's.
pub async fn run(
    app: &TestApp,
    op: &str,
    actor: Actor,
    token: Option<&str>,
    unit: i64,
) -> Option<(Gql, Option<String>)> {
    let f = &app.fixture;
    let id = |n: i64| json!(n.to_string());
    let n = serial();
    let res = match op {
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
            // On a session of its own (a password change ends the user's
            // sessions), then the fixture password is put back directly.
            let own = match token {
                Some(_) => Some(app.token(actor).await),
                None => None,
            };
            let q = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
            let res = app.gql(own.as_deref(), q, json!({ "c": PASSWORD, "n": "Changed@2026pw" })).await;
            fixture::set_password(&app.db, f.user_id(actor), PASSWORD).await;
            (res, None)
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
            let q = "mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } oneTimePassword } }";
            let input = json!({ "username": format!("new_user_{n}"), "displayName": "新用户", "role": "DEPARTMENT", "organisationId": id(unit) });
            (app.gql(token, q, json!({ "i": input })).await, None)
        }
        "updateUser" => {
            let q = "mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }";
            let target = f.user_id(Actor::Department);
            (app.gql(token, q, json!({ "id": id(target), "i": { "displayName": format!("王老师{n}") } })).await, None)
        }
        "grantRole" => {
            let target = fixture::pending_user(&app.db, &format!("pending_{n}"), unit).await;
            let q = "mutation($u: ID!, $o: ID!) { grantRole(userId: $u, role: DEPARTMENT, organisationId: $o) { id } }";
            (app.gql(token, q, json!({ "u": id(target), "o": id(unit) })).await, None)
        }
        "resetPassword" => {
            let target = fixture::pending_user(&app.db, &format!("reset_{n}"), unit).await;
            let q = "mutation($u: ID!) { resetPassword(userId: $u) { user { id } oneTimePassword } }";
            (app.gql(token, q, json!({ "u": id(target) })).await, None)
        }
        "unlockUser" => {
            let target = fixture::pending_user(&app.db, &format!("locked_{n}"), unit).await;
            (
                app.gql(token, "mutation($u: ID!) { unlockUser(userId: $u) { id } }", json!({ "u": id(target) })).await,
                None,
            )
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
        _ => return None,
    };
    Some(res)
}

fn org_code(f: &jixiao_tests::Fixture, unit: i64) -> &'static str {
    [(f.d1, "D1"), (f.d2, "D2"), (f.t1, "T1"), (f.t2, "T2")]
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, c)| *c)
        .expect("unit code")
}
