use jixiao_tests::{Actor, TestApp};
use serde_json::json;

const CREATE: &str =
    "mutation($i: CreateUserInput!) { createUser(input: $i) { id username role organisation { name } active } }";

#[tokio::test]
async fn the_admin_creates_a_user_who_can_log_in() {
    let app = TestApp::spawn().await;
    let input = json!({ "username": "Wang.Teacher", "displayName": "王老师", "password": "Strong#2026", "role": "DEPARTMENT", "organisationId": app.fixture.d1.to_string() });
    let res = app.as_actor(Actor::Admin, CREATE, json!({ "i": input })).await;
    assert_eq!(res.ok()["createUser"]["username"], "wang.teacher");
    assert_eq!(res.ok()["createUser"]["organisation"]["name"], "县教育局");
    let audit = app.latest_audit().await;
    assert_eq!(audit.operation, "user.create");
    assert!(!audit.after.unwrap().contains("argon2"), "no password hash in the audit log");
    app.login("wang.teacher", "Strong#2026").await.ok();
}

#[tokio::test]
async fn user_rules_are_enforced_and_nothing_is_half_written() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Admin).await;
    let before = app.count("app_user").await;
    let base = json!({ "username": "new_one", "displayName": "新用户", "password": "Strong#2026", "role": "DEPARTMENT", "organisationId": app.fixture.d1.to_string() });
    let cases = [
        ("password", json!("short1A"), "password"),
        ("password", json!("alllowercase"), "password"),
        ("username", json!("x"), "username"),
        ("username", json!("中文名"), "username"),
        ("displayName", json!(""), "displayName"),
        ("role", json!("TOWNSHIP"), "organisationId"),
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
async fn users_list_searches_and_pages() {
    let app = TestApp::spawn().await;
    let res = app
        .as_actor(
            Actor::Admin,
            "{ users(search: \"dept\", first: 10) { totalCount edges { node { username lockedUntil } } } }",
            json!({}),
        )
        .await;
    assert_eq!(res.ok()["users"]["totalCount"], 1);
}

#[tokio::test]
async fn only_the_user_and_the_admin_see_a_lockout() {
    let app = TestApp::spawn().await;
    let me = app.as_actor(Actor::Department, "{ me { lockedUntil } }", json!({})).await;
    assert_eq!(me.ok()["me"]["lockedUntil"], serde_json::Value::Null);
}
