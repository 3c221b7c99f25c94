//! The 系统管理员's side of users: the directory, new accounts (with a
//! one-time password and a role that waits for the 安全管理员's grant), names
//! and status. Roles, passwords and locks are the security side (`grants.rs`).

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use shared::permissions::Capability;
use shared::roles::Role;

use super::entity as user;
use super::one_time;
use crate::audit::{self, Change};
use crate::config::HashCost;
use crate::error::{AppError, AppResult};
use crate::organisations::{entity as organisation, service as organisations};
use crate::pagination::{self, Page, PageRequest};
use crate::sessions::password;
use crate::viewer::Viewer;

pub async fn me(db: &impl ConnectionTrait, viewer: &Viewer) -> AppResult<user::Model> {
    user::Entity::find_by_id(viewer.user_id).one(db).await?.ok_or_else(AppError::unauthenticated)
}

/// Who reads the user directory: the 系统管理员 (accounts) and the 安全管理员 (grants).
pub fn require_directory(viewer: &Viewer) -> AppResult<()> {
    if viewer.can(Capability::Administer) || viewer.can(Capability::ManageSecurity) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

#[derive(Default)]
pub struct UserFilter {
    pub search: Option<String>,
    /// Only accounts whose role waits for a grant (待授权).
    pub awaiting_grant: Option<bool>,
}

pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: UserFilter,
    page: PageRequest,
) -> AppResult<Page<user::Model>> {
    require_directory(viewer)?;
    let mut select = user::Entity::find();
    if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let search: String = search.chars().take(50).collect();
        select = select.filter(
            Condition::any()
                .add(user::Column::Username.contains(&search))
                .add(user::Column::DisplayName.contains(&search)),
        );
    }
    if let Some(awaiting) = filter.awaiting_grant {
        select = select.filter(user::Column::RoleGranted.eq(!awaiting));
    }
    pagination::fetch(db, select, user::Column::Id, page).await
}

pub struct NewUser {
    pub username: String,
    pub display_name: String,
    /// The role asked for; it takes effect when the 安全管理员 grants it.
    pub role: Role,
    pub organisation_id: i64,
}

/// A user and the one-time password just issued to it (shown once).
pub struct Issued {
    pub user: user::Model,
    pub one_time_password: String,
}

/// The 系统管理员 opens an account: a one-time password, the role awaiting a grant.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    cost: HashCost,
    new: NewUser,
) -> AppResult<Issued> {
    viewer.require(Capability::Administer)?;
    let username = new.username.trim().to_lowercase();
    let username_ok = (3..=64).contains(&username.len())
        && username.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !username_ok {
        return Err(AppError::bad_field("username", "用户名须为 3–64 位字母、数字、下划线、点或短横线"));
    }
    let display_name = check_display_name(&new.display_name)?;
    let one_time_password = one_time::generate();
    let hash = password::hash(&one_time_password, cost).map_err(AppError::Internal)?;
    let txn = crate::tx::begin(db).await?;
    check_membership(&txn, new.role, new.organisation_id).await?;
    if user::Entity::find().filter(user::Column::Username.eq(&username)).one(&txn).await?.is_some() {
        return Err(AppError::Conflict(format!("用户名 {username} 已存在")));
    }
    let created = user::ActiveModel {
        username: Set(username),
        display_name: Set(display_name),
        password_hash: Set(hash),
        role: Set(new.role.as_str().into()),
        role_granted: Set(false),
        must_change_password: Set(true),
        organisation_id: Set(new.organisation_id),
        active: Set(true),
        failed_logins: Set(0),
        locked_until: Set(None),
        last_login_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, viewer, Change::new("user.create", "user", created.id).after(&created.audit_view())).await?;
    txn.commit().await?;
    Ok(Issued { user: created, one_time_password })
}

#[derive(Default)]
pub struct UserPatch {
    pub display_name: Option<String>,
    pub active: Option<bool>,
}

/// The 系统管理员 renames, disables or re-enables an account.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
    patch: UserPatch,
) -> AppResult<user::Model> {
    viewer.require(Capability::Administer)?;
    if id == viewer.user_id && patch.active == Some(false) {
        return Err(AppError::Conflict("不能停用自己的账户".into()));
    }
    let display_name = patch.display_name.as_deref().map(check_display_name).transpose()?;
    let txn = crate::tx::begin(db).await?;
    let before = user::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("用户"))?;
    let unchanged = display_name.as_ref().is_none_or(|n| *n == before.display_name)
        && patch.active.is_none_or(|flag| flag == before.active);
    if unchanged {
        // Nothing changes: nothing is written, not even an audit entry.
        return Ok(before);
    }
    let mut active = before.clone().into_active_model();
    if let Some(name) = display_name {
        active.display_name = Set(name);
    }
    if let Some(flag) = patch.active {
        active.active = Set(flag);
    }
    let after = active.update(&txn).await?;
    if patch.active == Some(false) {
        super::grants::end_sessions(&txn, id).await?;
    }
    let change = Change::new("user.update", "user", id).before(&before.audit_view()).after(&after.audit_view());
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    Ok(after)
}

fn check_display_name(name: &str) -> AppResult<String> {
    crate::input::name_max("displayName", "姓名", name, 50)
}

/// A user of `role` may belong to the organisation.
pub async fn check_membership(db: &impl ConnectionTrait, role: Role, organisation_id: i64) -> AppResult<()> {
    let org = organisation::Entity::find_by_id(organisation_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::bad_field("organisationId", "所属单位不存在"))?;
    if !organisations::kind(&org)?.admits(role) {
        return Err(AppError::bad_field("organisationId", format!("{}不能属于{}", role.label(), org.name)));
    }
    Ok(())
}
