//! Refresh-token rotation, logout, password changes and the viewer behind a
//! token; login is in `login.rs`.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use sha2::{Digest, Sha256};

use super::entity as refresh_token;
use super::jwt::Keys;
use super::password;
use super::throttle::Guards;
use crate::audit::{self, Actor, Change};
use crate::config::{HashCost, Settings};
use crate::error::{AppError, AppResult};
use crate::users::entity as user;
use crate::viewer::Viewer;

/// The session rules, built once from the settings.
#[derive(Clone)]
pub struct Auth {
    pub keys: Keys,
    pub idle: Duration,
    pub max_session: Duration,
    pub max_failed_logins: i32,
    pub lockout: Duration,
    pub hash_cost: HashCost,
    /// A hash of a random string, checked against when a username does not
    /// exist so that a miss costs as long as a wrong password.
    pub(super) dummy_hash: String,
    /// Login rate limits and the cap on concurrent password hashing.
    pub guards: Arc<Guards>,
}

impl Auth {
    pub fn from_settings(s: &Settings) -> anyhow::Result<Self> {
        Ok(Auth {
            keys: Keys::new(&s.jwt_secret, s.access_token_minutes)?,
            idle: Duration::minutes(s.idle_session_minutes),
            max_session: Duration::hours(s.max_session_hours),
            max_failed_logins: s.max_failed_logins,
            lockout: Duration::minutes(s.lockout_minutes),
            hash_cost: s.hash_cost,
            dummy_hash: password::hash(&uuid::Uuid::new_v4().to_string(), s.hash_cost)?,
            guards: Arc::new(Guards::new(s.login_rate_per_address, s.login_rate_per_username, s.hashing_concurrency)),
        })
    }
}

/// What a successful login or refresh hands out.
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in: i64,
    pub user: user::Model,
}

/// Spends a refresh token and issues the next one of its family. A token used
/// twice means it was stolen: the whole family is revoked.
pub async fn refresh(db: &DatabaseConnection, auth: &Auth, token: &str) -> AppResult<Tokens> {
    let now = Utc::now();
    let expired = || AppError::Unauthenticated("会话已过期，请重新登录".into());
    let Some(row) =
        refresh_token::Entity::find().filter(refresh_token::Column::TokenHash.eq(token_hash(token))).one(db).await?
    else {
        return Err(expired());
    };
    let txn = crate::tx::begin(db).await?;
    // Spend the token only if nobody else has: a concurrent second use loses.
    let spent = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    let actor = actor_of(&txn, row.user_id).await?;
    if !spent {
        if row.revoked_at.is_none() {
            revoke_family(&txn, &row.family, now).await?;
            audit::record(&txn, actor, Change::new("session.refresh_reused", "user", row.user_id)).await?;
        }
        txn.commit().await?;
        return Err(expired());
    }
    if row.expires_at <= now || row.family_expires_at <= now {
        txn.commit().await?;
        return Err(expired());
    }
    let user = user::Entity::find_by_id(row.user_id).one(&txn).await?.ok_or_else(expired)?;
    if !user.active || user.locked_until.is_some_and(|u| u > now) {
        revoke_family(&txn, &row.family, now).await?;
        txn.commit().await?;
        return Err(expired());
    }
    let next = issue_refresh(&txn, auth, user.id, &row.family, now, row.family_expires_at).await?;
    audit::record(&txn, actor, Change::new("session.refresh", "user", user.id)).await?;
    txn.commit().await?;
    tokens(auth, user, next, &row.family)
}

/// The audit actor of a session's user, by username (an id if the user is gone).
async fn actor_of(db: &impl sea_orm::ConnectionTrait, user_id: i64) -> AppResult<Actor> {
    let name =
        user::Entity::find_by_id(user_id).one(db).await?.map_or_else(|| format!("user#{user_id}"), |u| u.username);
    Ok(Actor { id: Some(user_id), name })
}

/// Ends the session the refresh token belongs to.
pub async fn logout(db: &DatabaseConnection, token: &str) -> AppResult<bool> {
    let now = Utc::now();
    let Some(row) =
        refresh_token::Entity::find().filter(refresh_token::Column::TokenHash.eq(token_hash(token))).one(db).await?
    else {
        return Ok(false);
    };
    let txn = crate::tx::begin(db).await?;
    revoke_family(&txn, &row.family, now).await?;
    let actor = actor_of(&txn, row.user_id).await?;
    audit::record(&txn, actor, Change::new("session.logout", "user", row.user_id)).await?;
    txn.commit().await?;
    Ok(true)
}

pub async fn change_password(
    db: &DatabaseConnection,
    auth: &Auth,
    viewer: &Viewer,
    current: &str,
    new: &str,
) -> AppResult<bool> {
    let found = user::Entity::find_by_id(viewer.user_id).one(db).await?.ok_or(AppError::NotFound("用户"))?;
    if !auth.guards.verify(current, &found.password_hash).await? {
        return Err(AppError::bad_field("currentPassword", "当前密码不正确"));
    }
    shared::passwords::check_password(new).map_err(|e| AppError::bad_field("newPassword", e.to_string()))?;
    if new == current {
        return Err(AppError::bad_field("newPassword", "新密码不能与当前密码相同"));
    }
    let hash = auth.guards.hash(new, auth.hash_cost).await?;
    let txn = crate::tx::begin(db).await?;
    let mut active = found.into_active_model();
    active.password_hash = Set(hash);
    // A one-time password has served its purpose.
    active.must_change_password = Set(false);
    active.update(&txn).await?;
    // Every other session of the user ends.
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::UserId.eq(viewer.user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    audit::record(&txn, viewer, Change::new("user.change_password", "user", viewer.user_id)).await?;
    txn.commit().await?;
    Ok(true)
}

pub(super) async fn issue_refresh(
    db: &impl ConnectionTrait,
    auth: &Auth,
    user_id: i64,
    family: &str,
    now: DateTime<Utc>,
    family_expires_at: DateTime<Utc>,
) -> AppResult<String> {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes);
    refresh_token::ActiveModel {
        user_id: Set(user_id),
        family: Set(family.into()),
        token_hash: Set(token_hash(&token)),
        issued_at: Set(now),
        expires_at: Set((now + auth.idle).min(family_expires_at)),
        family_expires_at: Set(family_expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

async fn revoke_family(db: &impl ConnectionTrait, family: &str, now: DateTime<Utc>) -> AppResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::Family.eq(family))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

pub(super) fn tokens(auth: &Auth, user: user::Model, refresh_token: String, session: &str) -> AppResult<Tokens> {
    Ok(Tokens {
        access_token: auth.keys.issue(user.id, session).map_err(AppError::Internal)?,
        refresh_token,
        expires_in: auth.keys.ttl_seconds(),
        user,
    })
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
