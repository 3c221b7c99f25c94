use jixiao_tests::{Actor, PASSWORD, TestApp};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

mod enumeration;
mod lockout;
mod throttle;

const REFRESH: &str = "mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }";
const ME: &str = "{ me { username role organisation { name } } }";

#[tokio::test]
async fn login_returns_tokens_that_open_me() {
    let app = TestApp::spawn().await;
    let res = app.login("dept1", PASSWORD).await;
    let login = &res.ok()["login"];
    assert_eq!(login["user"]["role"], "DEPARTMENT");
    assert_eq!(login["expiresIn"], 15 * 60);
    let me = app.gql(login["accessToken"].as_str(), ME, json!({})).await;
    assert_eq!(me.ok()["me"]["organisation"]["name"], "县教育局");
}

#[tokio::test]
async fn five_failed_logins_lock_the_account_for_fifteen_minutes() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        app.login("dept1", "Wrong@2026pw").await.expect_code("UNAUTHENTICATED");
    }
    // Only the right password learns of the lock, and is refused while it lasts.
    app.login("dept1", PASSWORD).await.expect_code("ACCOUNT_LOCKED");
    let minutes_locked = locked_minutes(&app, "dept1").await;
    assert!((14..=15).contains(&minutes_locked), "locked for {minutes_locked} minutes");
    assert_eq!(audit_count(&app, "user.locked").await, 1);
    // When the lock has passed, the right password works again.
    exec(&app, "UPDATE app_user SET locked_until = NULL WHERE username = 'dept1'").await;
    app.login("dept1", PASSWORD).await.ok();
}

#[tokio::test]
async fn the_security_admin_can_unlock_a_locked_account() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        app.login("town1", "Wrong@2026pw").await;
    }
    app.login("town1", PASSWORD).await.expect_code("ACCOUNT_LOCKED");
    let id = app.fixture.user_id(Actor::Township);
    app.as_actor(
        Actor::SecurityAdmin,
        "mutation($id: ID!) { unlockUser(userId: $id) { lockedUntil } }",
        json!({ "id": id.to_string() }),
    )
    .await
    .ok();
    app.login("town1", PASSWORD).await.ok();
}

#[tokio::test]
async fn a_refresh_token_rotates_and_a_reused_one_revokes_the_session() {
    let app = TestApp::spawn().await;
    let login = app.login("dept1", PASSWORD).await;
    let first = login.ok()["login"]["refreshToken"].as_str().unwrap().to_owned();
    let rotated = app.gql(None, REFRESH, json!({ "t": first })).await;
    let second = rotated.ok()["refresh"]["refreshToken"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    // Replaying the spent token is theft: it fails and ends the whole family.
    app.gql(None, REFRESH, json!({ "t": first })).await.expect_code("UNAUTHENTICATED");
    app.gql(None, REFRESH, json!({ "t": second })).await.expect_code("UNAUTHENTICATED");
    assert_eq!(audit_count(&app, "session.refresh_reused").await, 1);
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = TestApp::spawn().await;
    let login = app.login("dept1", PASSWORD).await;
    let token = login.ok()["login"]["refreshToken"].as_str().unwrap().to_owned();
    // 31 minutes without a refresh.
    exec(&app, "UPDATE refresh_token SET expires_at = '2000-01-01T00:00:00+00:00'").await;
    let res = app.gql(None, REFRESH, json!({ "t": token })).await;
    res.expect_code("UNAUTHENTICATED");
    assert_eq!(res.message(), Some("会话已过期，请重新登录"));
}

#[tokio::test]
async fn an_active_session_refreshes_within_the_idle_window() {
    let app = TestApp::spawn().await;
    let login = app.login("dept1", PASSWORD).await;
    let mut token = login.ok()["login"]["refreshToken"].as_str().unwrap().to_owned();
    for _ in 0..3 {
        let res = app.gql(None, REFRESH, json!({ "t": token })).await;
        token = res.ok()["refresh"]["refreshToken"].as_str().unwrap().to_owned();
        let access = res.ok()["refresh"]["accessToken"].as_str().unwrap().to_owned();
        app.gql(Some(&access), ME, json!({})).await.ok();
    }
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let login = app.login("dept1", PASSWORD).await;
    let token = login.ok()["login"]["refreshToken"].as_str().unwrap().to_owned();
    let out = app.gql(None, "mutation($t: String!) { logout(refreshToken: $t) }", json!({ "t": token })).await;
    assert_eq!(out.ok()["logout"], true);
    app.gql(None, REFRESH, json!({ "t": token })).await.expect_code("UNAUTHENTICATED");
}

#[tokio::test]
async fn a_forged_or_missing_token_is_unauthenticated() {
    let app = TestApp::spawn().await;
    app.gql(None, ME, json!({})).await.expect_code("UNAUTHENTICATED");
    app.gql(Some("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged"), ME, json!({})).await.expect_code("UNAUTHENTICATED");
    // A token signed by another server's secret.
    let other = backend::sessions::jwt::Keys::new(&backend::config::Secret::new("x".repeat(40)), 15).unwrap();
    let token = other.issue(app.fixture.user_id(Actor::Admin), "any").unwrap();
    app.gql(Some(&token), ME, json!({})).await.expect_code("UNAUTHENTICATED");
}

#[tokio::test]
async fn a_disabled_user_is_shut_out_at_once() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Department).await;
    app.gql(Some(&token), ME, json!({})).await.ok();
    let id = app.fixture.user_id(Actor::Department);
    app.as_actor(
        Actor::Admin,
        "mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }",
        json!({ "id": id.to_string() }),
    )
    .await
    .ok();
    app.gql(Some(&token), ME, json!({})).await.expect_code("UNAUTHENTICATED");
    app.login("dept1", PASSWORD).await.expect_code("UNAUTHENTICATED");
}

#[tokio::test]
async fn a_password_change_follows_the_policy_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let login = app.login("dept1", PASSWORD).await;
    let access = login.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
    let refresh = login.ok()["login"]["refreshToken"].as_str().unwrap().to_owned();
    let change = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
    let weak = app.gql(Some(&access), change, json!({ "c": PASSWORD, "n": "password" })).await;
    weak.expect_code("BAD_USER_INPUT");
    assert_eq!(weak.field(), Some("newPassword"));
    app.gql(Some(&access), change, json!({ "c": "Wrong@2026pw", "n": "New@2026pass" }))
        .await
        .expect_code("BAD_USER_INPUT");
    app.gql(Some(&access), change, json!({ "c": PASSWORD, "n": "New@2026pass" })).await.ok();
    app.gql(None, REFRESH, json!({ "t": refresh })).await.expect_code("UNAUTHENTICATED");
    app.login("dept1", PASSWORD).await.expect_code("UNAUTHENTICATED");
    app.login("dept1", "New@2026pass").await.ok();
}

#[tokio::test]
async fn logins_are_audited() {
    let app = TestApp::spawn().await;
    app.login("dept1", PASSWORD).await.ok();
    app.login("dept1", "Wrong@2026pw").await;
    app.login("nobody", "Wrong@2026pw").await;
    assert_eq!(audit_count(&app, "session.login").await, 1);
    assert_eq!(audit_count(&app, "session.login_failed").await, 2);
    // An unknown name is recorded as given, with no user behind it.
    let entry = app.latest_audit().await;
    assert_eq!(
        (entry.operation.as_str(), entry.actor_name.as_str(), entry.actor_id),
        ("session.login_failed", "nobody", None)
    );
}

#[tokio::test]
async fn refreshes_and_logouts_are_audited_with_the_username() {
    let app = TestApp::spawn().await;
    let login = app.login("dept1", PASSWORD).await;
    let t = login.ok()["login"]["refreshToken"].clone();
    let refreshed =
        app.gql(None, "mutation($t: String!) { refresh(refreshToken: $t) { refreshToken } }", json!({ "t": t })).await;
    let entry = app.latest_audit().await;
    assert_eq!((entry.operation.as_str(), entry.actor_name.as_str()), ("session.refresh", "dept1"));
    let t = refreshed.ok()["refresh"]["refreshToken"].clone();
    app.gql(None, "mutation($t: String!) { logout(refreshToken: $t) }", json!({ "t": t })).await.ok();
    let entry = app.latest_audit().await;
    assert_eq!((entry.operation.as_str(), entry.actor_name.as_str()), ("session.logout", "dept1"));
}

pub async fn exec(app: &TestApp, sql: &str) {
    app.db.execute_raw(Statement::from_string(app.db.get_database_backend(), sql.to_owned())).await.expect(sql);
}

pub async fn audit_count(app: &TestApp, operation: &str) -> i64 {
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM audit_log WHERE operation = '{operation}'"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

async fn locked_minutes(app: &TestApp, username: &str) -> i64 {
    use backend::users::entity as user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let u = user::Entity::find().filter(user::Column::Username.eq(username)).one(&app.db).await.unwrap().unwrap();
    (u.locked_until.expect("locked") - chrono::Utc::now()).num_minutes() + 1
}
