use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use shared::passwords::check_password;
use shared::permissions::Capability;
use shared::roles::Role;

use super::entity as user;
use crate::audit::{self, Change};
use crate::config::HashCost;
use crate::error::{AppError, AppResult};
use crate::organisations::{entity as organisation, service as organisations};
use crate::pagination::{self, Page, PageRequest};
use crate::sessions::{entity as refresh_token, password};
use crate::viewer::Viewer;

pub async fn me(db: &impl ConnectionTrait, viewer: &Viewer) -> AppResult<user::Model> {
    user::Entity::find_by_id(viewer.user_id).one(db).await?.ok_or_else(AppError::unauthenticated)
}

pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    search: Option<String>,
    page: PageRequest,
) -> AppResult<Page<user::Model>> {
    viewer.require(Capability::Administer)?;
    let mut select = user::Entity::find();
    if let Some(search) = search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let search: String = search.chars().take(50).collect();
        select = select.filter(
            Condition::any()
                .add(user::Column::Username.contains(&search))
                .add(user::Column::DisplayName.contains(&search)),
        );
    }
    pagination::fetch(db, select, user::Column::Id, page).await
}

pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    pub organisation_id: i64,
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    cost: HashCost,
    new: NewUser,
) -> AppResult<user::Model> {
    viewer.require(Capability::Administer)?;
    let username = new.username.trim().to_lowercase();
    let username_ok = (3..=64).contains(&username.len())
        && username.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !username_ok {
        return Err(AppError::bad_field("username", "用户名须为 3–64 位字母、数字、下划线、点或短横线"));
    }
    let display_name = check_display_name(&new.display_name)?;
    check_password(&new.password).map_err(|e| AppError::bad_field("password", e.to_string()))?;
    let txn = crate::tx::begin(db).await?;
    check_membership(&txn, new.role, new.organisation_id).await?;
    if user::Entity::find().filter(user::Column::Username.eq(&username)).one(&txn).await?.is_some() {
        return Err(AppError::Conflict(format!("用户名 {username} 已存在")));
    }
    let created = user::ActiveModel {
        username: Set(username),
        display_name: Set(display_name),
        password_hash: Set(password::hash(&new.password, cost).map_err(AppError::Internal)?),
        role: Set(new.role.as_str().into()),
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
    Ok(created)
}

#[derive(Default)]
pub struct UserPatch {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub organisation_id: Option<i64>,
    pub active: Option<bool>,
    pub password: Option<String>,
    pub unlock: bool,
}

pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    cost: HashCost,
    id: i64,
    patch: UserPatch,
) -> AppResult<user::Model> {
    viewer.require(Capability::Administer)?;
    if id == viewer.user_id && (patch.active == Some(false) || patch.role.is_some_and(|r| r != Role::Admin)) {
        return Err(AppError::Conflict("不能停用自己的账户或取消自己的管理员角色".into()));
    }
    let txn = crate::tx::begin(db).await?;
    let before = user::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("用户"))?;
    let role = match patch.role {
        Some(role) => role,
        None => {
            Role::parse(&before.role).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad role {}", before.role)))?
        }
    };
    let organisation_id = patch.organisation_id.unwrap_or(before.organisation_id);
    if patch.role.is_some() || patch.organisation_id.is_some() {
        check_membership(&txn, role, organisation_id).await?;
    }
    let mut active = before.clone().into_active_model();
    if let Some(name) = &patch.display_name {
        active.display_name = Set(check_display_name(name)?);
    }
    active.role = Set(role.as_str().into());
    active.organisation_id = Set(organisation_id);
    if let Some(flag) = patch.active {
        active.active = Set(flag);
    }
    if let Some(new_password) = &patch.password {
        check_password(new_password).map_err(|e| AppError::bad_field("password", e.to_string()))?;
        active.password_hash = Set(password::hash(new_password, cost).map_err(AppError::Internal)?);
    }
    if patch.unlock {
        active.locked_until = Set(None);
        active.failed_logins = Set(0);
    }
    let after = active.update(&txn).await?;
    // A disabled user, a new password or a new role ends the user's sessions.
    if patch.active == Some(false)
        || patch.password.is_some()
        || patch.role.is_some()
        || patch.organisation_id.is_some()
    {
        refresh_token::Entity::update_many()
            .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
            .filter(refresh_token::Column::UserId.eq(id))
            .filter(refresh_token::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
    }
    let mut change = Change::new("user.update", "user", id).before(&before.audit_view()).after(&after.audit_view());
    if patch.password.is_some() {
        change.operation = "user.reset_password";
    }
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    Ok(after)
}

fn check_display_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 50 {
        return Err(AppError::bad_field("displayName", "姓名不能为空且不超过 50 个字符"));
    }
    Ok(name.into())
}

async fn check_membership(db: &impl ConnectionTrait, role: Role, organisation_id: i64) -> AppResult<()> {
    let org = organisation::Entity::find_by_id(organisation_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::bad_field("organisationId", "所属单位不存在"))?;
    if !organisations::kind(&org)?.admits(role) {
        return Err(AppError::bad_field("organisationId", format!("{}不能属于{}", role.label(), org.name)));
    }
    Ok(())
}
