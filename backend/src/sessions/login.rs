//! Login (issue 8 items 1 and 2). A wrong password gets the same answer
//! whether the username exists, is locked or disabled: the account's state
//! is told only to whoever gives its right password. An unknown username
//! costs one Argon2 check against a dummy hash, like a known one. Failures
//! are counted by the database in one statement and audited with the name
//! given, known or not.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryTrait, Set,
};
use serde_json::json;

use super::service::{Auth, Tokens, issue_refresh, tokens};
use super::throttle::ClientAddr;
use crate::audit::{self, Actor, Change};
use crate::error::{AppError, AppResult};
use crate::users::entity as user;

const BAD_CREDENTIALS: &str = "用户名或密码错误";

fn bad_credentials() -> AppError {
    AppError::Unauthenticated(BAD_CREDENTIALS.into())
}

pub async fn login(
    db: &DatabaseConnection,
    auth: &Auth,
    client: Option<ClientAddr>,
    username: &str,
    password_given: &str,
) -> AppResult<Tokens> {
    let username = username.trim();
    auth.guards.admit(client, username)?;
    let found = if username.is_empty() || username.chars().count() > 64 {
        None
    } else {
        user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await?
    };
    // One Argon2 check either way, so a miss costs as long as a wrong password.
    let hash = found.as_ref().map_or(auth.dummy_hash.as_str(), |u| u.password_hash.as_str());
    let matches = auth.guards.verify(password_given, hash).await?;
    let now = Utc::now();
    let Some(found) = found else {
        let txn = crate::tx::begin(db).await?;
        let actor = Actor { id: None, name: username.to_owned() };
        audit::record(&txn, actor, failed_change(None, json!({ "known": false }))).await?;
        txn.commit().await?;
        return Err(bad_credentials());
    };
    let actor = Actor { id: Some(found.id), name: found.username.clone() };
    let locked_until = found.locked_until.filter(|until| *until > now);
    if !matches {
        let txn = crate::tx::begin(db).await?;
        // A locked account does not count further failures (the lock stands).
        let failed = match locked_until {
            Some(_) => None,
            None => Some(count_failure(&txn, auth, found.id, now).await?),
        };
        audit::record(&txn, actor.clone(), failed_change(Some(found.id), json!({ "failed_logins": failed }))).await?;
        if failed == Some(0) {
            let updated = user::Entity::find_by_id(found.id).one(&txn).await?.ok_or(AppError::NotFound("用户"))?;
            audit::record(&txn, actor, Change::new("user.locked", "user", found.id).after(&updated.audit_view()))
                .await?;
        }
        txn.commit().await?;
        return Err(bad_credentials());
    }
    // The right password: now the account's state may be told.
    if let Some(until) = locked_until {
        return Err(locked_error(until));
    }
    if !found.active {
        return Err(AppError::Unauthenticated("账户已停用，请联系系统管理员".into()));
    }
    let txn = crate::tx::begin(db).await?;
    let mut active = found.into_active_model();
    active.failed_logins = Set(0);
    active.locked_until = Set(None);
    active.last_login_at = Set(Some(now));
    let user = active.update(&txn).await?;
    let family = uuid::Uuid::new_v4().to_string();
    let refresh_token = issue_refresh(&txn, auth, user.id, &family, now, now + auth.max_session).await?;
    audit::record(&txn, actor, Change::new("session.login", "user", user.id)).await?;
    txn.commit().await?;
    tokens(auth, user, refresh_token, &family)
}

/// The audit entry of a failed login; `user_id` is `None` for an unknown name.
fn failed_change(user_id: Option<i64>, after: serde_json::Value) -> Change {
    Change {
        operation: "session.login_failed",
        object_type: "user",
        object_id: user_id.map(|id| id.to_string()),
        before: None,
        after: Some(after),
    }
}

/// Counts a failed login in one statement (`failed_logins = failed_logins + 1
/// … RETURNING`), so concurrent failures cannot overwrite each other's count.
/// The failure that reaches the limit locks the account and starts the count
/// afresh: the returned count is then 0.
async fn count_failure(db: &impl ConnectionTrait, auth: &Auth, user_id: i64, now: DateTime<Utc>) -> AppResult<i32> {
    let failed = Expr::col(user::Column::FailedLogins).add(1);
    let reaches = failed.clone().gte(auth.max_failed_logins);
    let mut update = user::Entity::update_many()
        .col_expr(user::Column::FailedLogins, Expr::case(reaches.clone(), 0).finally(failed).into())
        .col_expr(
            user::Column::LockedUntil,
            Expr::case(reaches, Expr::value(now + auth.lockout)).finally(Expr::col(user::Column::LockedUntil)).into(),
        )
        .filter(user::Column::Id.eq(user_id))
        .into_query();
    update.returning_col(user::Column::FailedLogins);
    let row = db.query_one(&update).await?.ok_or(AppError::NotFound("用户"))?;
    Ok(row.try_get::<i32>("", "failed_logins")?)
}

fn locked_error(until: DateTime<Utc>) -> AppError {
    // Shown in China Standard Time, the users' clock.
    let local = chrono::FixedOffset::east_opt(8 * 3600)
        .map(|cst| until.with_timezone(&cst).format("%H:%M").to_string())
        .unwrap_or_default();
    AppError::AccountLocked(format!("登录失败次数过多，账户已锁定，请于 {local} 后重试"))
}
