//! 三员分立 on users: the 系统管理员 opens accounts with a one-time password
//! and a role that waits for the 安全管理员's grant; the one-time password
//! must be changed before anything else.

use jixiao_tests::{Actor, PASSWORD, TestApp};
use serde_json::{Value, json};

const CREATE: &str = "mutation($i: CreateUserInput!) { createUser(input: $i) { user { id username role roleGranted mustChangePassword organisation { name } active } oneTimePassword } }";
const GRANT: &str = "mutation($u: ID!, $r: Role!, $o: ID!) { grantRole(userId: $u, role: $r, organisationId: $o) { id role roleGranted } }";
const CHANGE: &str = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
const PROJECTS: &str = "{ projects(first: 5) { totalCount } }";

fn input(username: &str, role: &str, org: i64) -> Value {
    json!({ "username": username, "displayName": "新用户", "role": role, "organisationId": org.to_string() })
}

async fn token_of(app: &TestApp, username: &str, password: &str) -> String {
    app.login(username, password).await.ok()["login"]["accessToken"].as_str().expect("token").to_owned()
}

#[tokio::test]
async fn an_account_the_system_admin_opens_reads_no_business_data_until_changed_and_granted() {
    let app = TestApp::spawn().await;
    let perf = app.fixture.performance;
    // The attack of the issue: the admin makes a 绩效股 user and uses it.
    let res = app.as_actor(Actor::Admin, CREATE, json!({ "i": input("Perf.Two", "FINANCE_SECTION", perf) })).await;
    let created = &res.ok()["createUser"];
    assert_eq!(created["user"]["username"], "perf.two");
    assert_eq!(created["user"]["roleGranted"], false);
    assert_eq!(created["user"]["mustChangePassword"], true);
    let one_time = created["oneTimePassword"].as_str().unwrap().to_owned();
    assert_eq!(shared::passwords::check_password(&one_time), Ok(()));
    let id = created["user"]["id"].as_str().unwrap().to_owned();
    // Nothing stores or logs the one-time password itself.
    let audit = app.latest_audit().await;
    assert_eq!((audit.operation.as_str(), audit.actor_name.as_str()), ("user.create", "admin"));
    let after = audit.after.unwrap();
    assert!(!after.contains(&one_time) && !after.contains("argon2"), "{after}");

    // With the one-time password: only `me` and the password change answer.
    let token = token_of(&app, "perf.two", &one_time).await;
    let me = app.gql(Some(&token), "{ me { username mustChangePassword roleGranted } }", json!({})).await;
    assert_eq!(me.ok()["me"]["mustChangePassword"], true);
    app.gql(Some(&token), PROJECTS, json!({})).await.expect_code("PASSWORD_CHANGE_REQUIRED");
    let same = app.gql(Some(&token), CHANGE, json!({ "c": one_time, "n": one_time })).await;
    same.expect_code("BAD_USER_INPUT");
    app.gql(Some(&token), CHANGE, json!({ "c": one_time, "n": "Mine@2026pw" })).await.ok();

    // Changed, but the role is not granted yet.
    let token = token_of(&app, "perf.two", "Mine@2026pw").await;
    app.gql(Some(&token), PROJECTS, json!({})).await.expect_code("ROLE_NOT_GRANTED");
    let me = app.gql(Some(&token), "{ me { mustChangePassword roleGranted } }", json!({})).await;
    assert_eq!(me.ok()["me"], json!({ "mustChangePassword": false, "roleGranted": false }));

    // The 系统管理员 cannot grant; the 安全管理员 does, and it is audited.
    let grant = json!({ "u": id, "r": "FINANCE_SECTION", "o": perf.to_string() });
    app.as_actor(Actor::Admin, GRANT, grant.clone()).await.expect_code("FORBIDDEN");
    let granted = app.as_actor(Actor::SecurityAdmin, GRANT, grant).await;
    assert_eq!(granted.ok()["grantRole"]["roleGranted"], true);
    let audit = app.latest_audit().await;
    assert_eq!((audit.operation.as_str(), audit.actor_name.as_str()), ("user.grant_role", "security"));
    assert!(audit.before.unwrap().contains("\"role_granted\":false"));
    assert!(audit.after.unwrap().contains("\"role_granted\":true"));
    app.gql(Some(&token), PROJECTS, json!({})).await.ok();
}

#[tokio::test]
async fn a_reset_password_is_one_time_and_ends_the_users_sessions() {
    let app = TestApp::spawn().await;
    let login = app.login("dept1", PASSWORD).await;
    let refresh = login.ok()["login"]["refreshToken"].clone();
    let id = app.fixture.user_id(Actor::Department).to_string();
    let q = "mutation($u: ID!) { resetPassword(userId: $u) { user { mustChangePassword } oneTimePassword } }";
    app.as_actor(Actor::Admin, q, json!({ "u": id })).await.expect_code("FORBIDDEN");
    let res = app.as_actor(Actor::SecurityAdmin, q, json!({ "u": id })).await;
    assert_eq!(res.ok()["resetPassword"]["user"]["mustChangePassword"], true);
    let one_time = res.ok()["resetPassword"]["oneTimePassword"].as_str().unwrap().to_owned();
    assert_eq!(app.latest_audit().await.operation, "user.reset_password");
    app.login("dept1", PASSWORD).await.expect_code("UNAUTHENTICATED");
    let again =
        app.gql(None, "mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }", json!({ "t": refresh }));
    again.await.expect_code("UNAUTHENTICATED");
    let token = token_of(&app, "dept1", &one_time).await;
    app.gql(Some(&token), PROJECTS, json!({})).await.expect_code("PASSWORD_CHANGE_REQUIRED");
    app.gql(Some(&token), CHANGE, json!({ "c": one_time, "n": "Fresh@2026pw" })).await.ok();
    let token = token_of(&app, "dept1", "Fresh@2026pw").await;
    app.gql(Some(&token), PROJECTS, json!({})).await.ok();
}

#[tokio::test]
async fn the_security_admin_does_not_act_on_its_own_account() {
    let app = TestApp::spawn().await;
    let own = app.fixture.user_id(Actor::SecurityAdmin).to_string();
    let perf = app.fixture.performance.to_string();
    let grant = app.as_actor(Actor::SecurityAdmin, GRANT, json!({ "u": own, "r": "FINANCE_SECTION", "o": perf })).await;
    grant.expect_code("CONFLICT");
    let reset = "mutation($u: ID!) { resetPassword(userId: $u) { oneTimePassword } }";
    app.as_actor(Actor::SecurityAdmin, reset, json!({ "u": own })).await.expect_code("CONFLICT");
    app.as_actor(Actor::SecurityAdmin, "mutation($u: ID!) { unlockUser(userId: $u) { id } }", json!({ "u": own }))
        .await
        .expect_code("CONFLICT");
}

#[tokio::test]
async fn a_changed_role_or_organisation_ends_sessions_and_a_bad_grant_writes_nothing() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Department).await;
    let login = app.login("dept1", PASSWORD).await;
    let refresh = login.ok()["login"]["refreshToken"].clone();
    let id = app.fixture.user_id(Actor::Department).to_string();
    // A department user cannot sit in a township; nothing changes.
    let security = app.token(Actor::SecurityAdmin).await;
    let audits = app.count("audit_log").await;
    let bad = json!({ "u": id, "r": "DEPARTMENT", "o": app.fixture.t1.to_string() });
    let res = app.gql(Some(&security), GRANT, bad).await;
    res.expect_code("BAD_USER_INPUT");
    assert_eq!(res.field(), Some("organisationId"));
    assert_eq!(app.count("audit_log").await, audits);
    app.gql(Some(&token), PROJECTS, json!({})).await.ok();
    // Moving the user to the sub-unit ends its sessions.
    let moved = json!({ "u": id, "r": "DEPARTMENT", "o": app.fixture.d1_sub.to_string() });
    app.as_actor(Actor::SecurityAdmin, GRANT, moved).await.ok();
    let again =
        app.gql(None, "mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }", json!({ "t": refresh }));
    again.await.expect_code("UNAUTHENTICATED");
}

#[tokio::test]
async fn account_rules_are_enforced_and_nothing_is_half_written() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Admin).await;
    let before = app.count("app_user").await;
    let base = input("new_one", "DEPARTMENT", app.fixture.d1);
    let cases = [
        ("username", json!("x"), "username"),
        ("username", json!("中文名"), "username"),
        ("displayName", json!(""), "displayName"),
        ("role", json!("TOWNSHIP"), "organisationId"),
        ("role", json!("AUDIT_ADMIN"), "organisationId"),
        ("organisationId", json!(app.fixture.leadership.to_string()), "organisationId"),
        ("organisationId", json!("99999"), "organisationId"),
    ];
    for (key, value, field) in cases {
        let mut input = base.clone();
        input[key] = value;
        let res = app.gql(Some(&token), CREATE, json!({ "i": input })).await;
        res.expect_code("BAD_USER_INPUT");
        assert_eq!(res.field(), Some(field), "{key}: {}", res.body);
    }
    let mut dup = base.clone();
    dup["username"] = json!("dept1");
    app.gql(Some(&token), CREATE, json!({ "i": dup })).await.expect_code("CONFLICT");
    assert_eq!(app.count("app_user").await, before);
}

#[tokio::test]
async fn the_admin_cannot_lock_themselves_out() {
    let app = TestApp::spawn().await;
    let id = app.fixture.user_id(Actor::Admin).to_string();
    let q = "mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }";
    app.as_actor(Actor::Admin, q, json!({ "id": id, "i": { "active": false } })).await.expect_code("CONFLICT");
}

#[tokio::test]
async fn the_directory_searches_pages_and_lists_accounts_awaiting_a_grant() {
    let app = TestApp::spawn().await;
    let q = "query($s: String, $w: Boolean) { users(search: $s, awaitingGrant: $w, first: 10) { totalCount edges { node { username lockedUntil roleGranted } } } }";
    let res = app.as_actor(Actor::Admin, q, json!({ "s": "dept" })).await;
    assert_eq!(res.ok()["users"]["totalCount"], 1);
    app.as_actor(Actor::Admin, CREATE, json!({ "i": input("waiting", "TOWNSHIP", app.fixture.t1) })).await.ok();
    let res = app.as_actor(Actor::SecurityAdmin, q, json!({ "w": true })).await;
    assert_eq!(res.ok()["users"]["totalCount"], 1);
    assert_eq!(res.ok()["users"]["edges"][0]["node"]["username"], "waiting");
    app.as_actor(Actor::AuditAdmin, q, json!({})).await.expect_code("FORBIDDEN");
}

#[tokio::test]
async fn only_the_user_and_account_administrators_see_account_state() {
    let app = TestApp::spawn().await;
    let me = app.as_actor(Actor::Department, "{ me { lockedUntil roleGranted } }", json!({})).await;
    assert_eq!(me.ok()["me"], json!({ "lockedUntil": null, "roleGranted": true }));
}
