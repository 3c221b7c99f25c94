use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use shared::permissions::Capability;
use shared::roles::Role;

use super::entity as user;
use super::grants;
use super::service::{self, Issued, NewUser, UserFilter, UserPatch};
use crate::error::AppError;
use crate::graphql::{UserConnection, auth, db, page_complexity, parse_id, viewer, viewer_at_gate};
use crate::organisations::graphql::{OrganisationObject, load_required};
use crate::pagination::PageRequest;
use crate::viewer::Viewer;

pub struct UserObject(pub user::Model);

/// The user itself and the administrators who keep accounts see account state.
fn sees_account_state(ctx: &Context<'_>, user_id: i64) -> bool {
    let at_gate = ctx.data_opt::<crate::viewer::Restricted>().map(|r| &r.0);
    ctx.data_opt::<Viewer>()
        .or(at_gate)
        .is_some_and(|v| v.user_id == user_id || v.can(Capability::Administer) || v.can(Capability::ManageSecurity))
}

#[Object(name = "User")]
impl UserObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn username(&self) -> &str {
        &self.0.username
    }

    async fn display_name(&self) -> &str {
        &self.0.display_name
    }

    async fn role(&self) -> Result<Role> {
        Ok(Role::parse(&self.0.role).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad role {}", self.0.role)))?)
    }

    async fn organisation(&self, ctx: &Context<'_>) -> Result<OrganisationObject> {
        load_required(ctx, self.0.organisation_id).await
    }

    async fn active(&self) -> bool {
        self.0.active
    }

    /// Whether the 安全管理员 has granted the role (false: 待授权). Null
    /// unless the caller is the user or an administrator of accounts.
    async fn role_granted(&self, ctx: &Context<'_>) -> Option<bool> {
        sees_account_state(ctx, self.0.id).then_some(self.0.role_granted)
    }

    /// A one-time password is set and must be changed at the next login.
    /// Null unless the caller is the user or an administrator of accounts.
    async fn must_change_password(&self, ctx: &Context<'_>) -> Option<bool> {
        sees_account_state(ctx, self.0.id).then_some(self.0.must_change_password)
    }

    /// When a locked account opens again; null unless the caller is the user
    /// or an administrator of accounts.
    async fn locked_until(&self, ctx: &Context<'_>) -> Option<DateTime<Utc>> {
        let may_see = sees_account_state(ctx, self.0.id);
        self.0.locked_until.filter(|until| may_see && *until > Utc::now())
    }
}

/// A user with the one-time password just issued for it. The password is
/// shown here once and stored only as a hash.
#[derive(SimpleObject)]
pub struct IssuedPassword {
    user: UserObject,
    one_time_password: String,
}

impl From<Issued> for IssuedPassword {
    fn from(i: Issued) -> Self {
        IssuedPassword { user: UserObject(i.user), one_time_password: i.one_time_password }
    }
}

#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// The logged-in user (also while it must change a one-time password).
    async fn me(&self, ctx: &Context<'_>) -> Result<UserObject> {
        Ok(UserObject(service::me(db(ctx), viewer_at_gate(ctx)?).await?))
    }

    /// The user directory (系统管理员, 安全管理员). `awaitingGrant: true`
    /// lists the accounts whose role waits for a grant (待授权).
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        awaiting_grant: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<UserConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let rows = service::list(db(ctx), viewer(ctx)?, UserFilter { search, awaiting_grant }, page).await?;
        Ok(UserConnection::from_page(rows, |u| u.id, UserObject))
    }
}

#[derive(InputObject)]
pub struct CreateUserInput {
    pub username: String,
    pub display_name: String,
    /// The role asked for; it takes effect when the 安全管理员 grants it.
    pub role: Role,
    pub organisation_id: ID,
}

#[derive(InputObject)]
pub struct UpdateUserInput {
    pub display_name: Option<String>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// The 系统管理员 opens an account: it gets a one-time password (shown
    /// once) and its role waits for the 安全管理员's grant.
    async fn create_user(&self, ctx: &Context<'_>, input: CreateUserInput) -> Result<IssuedPassword> {
        let new = NewUser {
            username: input.username,
            display_name: input.display_name,
            role: input.role,
            organisation_id: parse_id(&input.organisation_id, "单位")?,
        };
        Ok(service::create(db(ctx), viewer(ctx)?, auth(ctx).hash_cost, new).await?.into())
    }

    /// The 系统管理员 renames, disables or re-enables an account.
    async fn update_user(&self, ctx: &Context<'_>, id: ID, input: UpdateUserInput) -> Result<UserObject> {
        let patch = UserPatch { display_name: input.display_name, active: input.active };
        Ok(UserObject(service::update(db(ctx), viewer(ctx)?, parse_id(&id, "用户")?, patch).await?))
    }

    /// The 安全管理员 grants a role in an organisation (a pending account's
    /// first grant, or a change of role or organisation).
    async fn grant_role(&self, ctx: &Context<'_>, user_id: ID, role: Role, organisation_id: ID) -> Result<UserObject> {
        let (id, org) = (parse_id(&user_id, "用户")?, parse_id(&organisation_id, "单位")?);
        Ok(UserObject(grants::grant_role(db(ctx), viewer(ctx)?, id, role, org).await?))
    }

    /// The 安全管理员 resets a password to a one-time password (shown once).
    async fn reset_password(&self, ctx: &Context<'_>, user_id: ID) -> Result<IssuedPassword> {
        let id = parse_id(&user_id, "用户")?;
        Ok(grants::reset_password(db(ctx), viewer(ctx)?, auth(ctx).hash_cost, id).await?.into())
    }

    /// The 安全管理员 lifts a lockout.
    async fn unlock_user(&self, ctx: &Context<'_>, user_id: ID) -> Result<UserObject> {
        Ok(UserObject(grants::unlock(db(ctx), viewer(ctx)?, parse_id(&user_id, "用户")?).await?))
    }
}
