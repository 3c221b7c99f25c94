//! The 安全管理员's acts on users: granting a role (or changing a user's role
//! or organisation), resetting a password to a one-time password, lifting a
//! lockout. Each is audited with the user before and after.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};
use shared::permissions::Capability;
use shared::roles::Role;

use super::entity as user;
use super::one_time;
use super::service::{Issued, check_membership};
use crate::audit::{self, Change};
use crate::config::HashCost;
use crate::error::{AppError, AppResult};
use crate::sessions::{entity as refresh_token, password};
use crate::viewer::Viewer;

/// The security administrator acts on others only: its own role, password
/// and lock are not its to change (that would be one person holding two keys).
fn require_security_on_other(viewer: &Viewer, id: i64) -> AppResult<()> {
    viewer.require(Capability::ManageSecurity)?;
    if id == viewer.user_id {
        return Err(AppError::Conflict("安全管理员不能对自己的账户授权、重置密码或解锁".into()));
    }
    Ok(())
}

/// Grants `role` in `organisation_id`: a new account's first grant, or a change
/// of an existing user's role or organisation (its sessions end).
pub async fn grant_role<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
    role: Role,
    organisation_id: i64,
) -> AppResult<user::Model> {
    require_security_on_other(viewer, id)?;
    let txn = crate::tx::begin(db).await?;
    let before = user::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("用户"))?;
    check_membership(&txn, role, organisation_id).await?;
    let changed = before.role != role.as_str() || before.organisation_id != organisation_id;
    let mut active = before.clone().into_active_model();
    active.role = Set(role.as_str().into());
    active.organisation_id = Set(organisation_id);
    active.role_granted = Set(true);
    let after = active.update(&txn).await?;
    if changed {
        end_sessions(&txn, id).await?;
    }
    let change = Change::new("user.grant_role", "user", id).before(&before.audit_view()).after(&after.audit_view());
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    Ok(after)
}

/// A new one-time password (shown once); the account is unlocked and every
/// session of the user ends.
pub async fn reset_password<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    cost: HashCost,
    id: i64,
) -> AppResult<Issued> {
    require_security_on_other(viewer, id)?;
    let one_time_password = one_time::generate();
    let hash = password::hash(&one_time_password, cost).map_err(AppError::Internal)?;
    let txn = crate::tx::begin(db).await?;
    let before = user::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("用户"))?;
    let mut active = before.clone().into_active_model();
    active.password_hash = Set(hash);
    active.must_change_password = Set(true);
    active.failed_logins = Set(0);
    active.locked_until = Set(None);
    let after = active.update(&txn).await?;
    end_sessions(&txn, id).await?;
    let change = Change::new("user.reset_password", "user", id).before(&before.audit_view()).after(&after.audit_view());
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    Ok(Issued { user: after, one_time_password })
}

/// Lifts a lockout before it expires.
pub async fn unlock<C: ConnectionTrait + TransactionTrait>(db: &C, viewer: &Viewer, id: i64) -> AppResult<user::Model> {
    require_security_on_other(viewer, id)?;
    let txn = crate::tx::begin(db).await?;
    let before = user::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("用户"))?;
    let mut active = before.clone().into_active_model();
    active.failed_logins = Set(0);
    active.locked_until = Set(None);
    let after = active.update(&txn).await?;
    let change = Change::new("user.unlock", "user", id).before(&before.audit_view()).after(&after.audit_view());
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    Ok(after)
}

/// Revokes every refresh-token family of the user.
pub async fn end_sessions(db: &impl ConnectionTrait, user_id: i64) -> AppResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
