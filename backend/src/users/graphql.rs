use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use shared::permissions::Capability;
use shared::roles::Role;

use super::entity as user;
use super::service::{self, NewUser, UserPatch};
use crate::error::AppError;
use crate::graphql::{UserConnection, auth, db, page_complexity, parse_id, viewer};
use crate::organisations::graphql::{OrganisationObject, load_required};
use crate::pagination::PageRequest;

pub struct UserObject(pub user::Model);

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

    /// When a locked account opens again; null unless the caller is the user
    /// or the admin.
    async fn locked_until(&self, ctx: &Context<'_>) -> Option<DateTime<Utc>> {
        let may_see = ctx
            .data_opt::<crate::viewer::Viewer>()
            .is_some_and(|v| v.user_id == self.0.id || v.can(Capability::Administer));
        self.0.locked_until.filter(|until| may_see && *until > Utc::now())
    }
}

#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// The logged-in user.
    async fn me(&self, ctx: &Context<'_>) -> Result<UserObject> {
        Ok(UserObject(service::me(db(ctx), viewer(ctx)?).await?))
    }

    /// All users (admin only).
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<UserConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let rows = service::list(db(ctx), viewer(ctx)?, search, page).await?;
        Ok(UserConnection::from_page(rows, |u| u.id, UserObject))
    }
}

#[derive(InputObject)]
pub struct CreateUserInput {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    pub organisation_id: ID,
}

#[derive(InputObject)]
pub struct UpdateUserInput {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub organisation_id: Option<ID>,
    pub active: Option<bool>,
    /// A new password (the admin resets it).
    pub password: Option<String>,
    /// Lifts a lockout.
    pub unlock: Option<bool>,
}

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    async fn create_user(&self, ctx: &Context<'_>, input: CreateUserInput) -> Result<UserObject> {
        let new = NewUser {
            username: input.username,
            display_name: input.display_name,
            password: input.password,
            role: input.role,
            organisation_id: parse_id(&input.organisation_id, "单位")?,
        };
        Ok(UserObject(service::create(db(ctx), viewer(ctx)?, auth(ctx).hash_cost, new).await?))
    }

    async fn update_user(&self, ctx: &Context<'_>, id: ID, input: UpdateUserInput) -> Result<UserObject> {
        let patch = UserPatch {
            display_name: input.display_name,
            role: input.role,
            organisation_id: input.organisation_id.as_ref().map(|id| parse_id(id, "单位")).transpose()?,
            active: input.active,
            password: input.password,
            unlock: input.unlock.unwrap_or(false),
        };
        Ok(UserObject(
            service::update(db(ctx), viewer(ctx)?, auth(ctx).hash_cost, parse_id(&id, "用户")?, patch).await?,
        ))
    }
}
