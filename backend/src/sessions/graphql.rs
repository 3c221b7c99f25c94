use async_graphql::{Context, Object, Result, SimpleObject};

use super::service::{self, Tokens};
use super::throttle::ClientAddr;
use crate::graphql::{auth, db, viewer_at_gate};
use crate::users::graphql::UserObject;

#[derive(SimpleObject)]
pub struct AuthPayload {
    /// A short-lived JWT for `Authorization: Bearer`.
    access_token: String,
    /// Spend it with `refresh` for a new pair; each works once.
    refresh_token: String,
    /// Seconds until the access token expires.
    expires_in: i64,
    user: UserObject,
}

impl From<Tokens> for AuthPayload {
    fn from(t: Tokens) -> Self {
        AuthPayload {
            access_token: t.access_token,
            refresh_token: t.refresh_token,
            expires_in: t.expires_in,
            user: UserObject(t.user),
        }
    }
}

#[derive(Default)]
pub struct SessionMutation;

#[Object]
impl SessionMutation {
    async fn login(&self, ctx: &Context<'_>, username: String, password: String) -> Result<AuthPayload> {
        let client = ctx.data_opt::<ClientAddr>().copied();
        Ok(super::login::login(db(ctx), auth(ctx), client, &username, &password).await?.into())
    }

    /// Exchanges a refresh token for a new pair. A token used twice revokes its session.
    async fn refresh(&self, ctx: &Context<'_>, refresh_token: String) -> Result<AuthPayload> {
        Ok(service::refresh(db(ctx), auth(ctx), &refresh_token).await?.into())
    }

    /// Ends the session of the refresh token. True if there was one.
    async fn logout(&self, ctx: &Context<'_>, refresh_token: String) -> Result<bool> {
        Ok(service::logout(db(ctx), &refresh_token).await?)
    }

    async fn change_password(&self, ctx: &Context<'_>, current_password: String, new_password: String) -> Result<bool> {
        // Reachable with a one-time password: it is how the user leaves the gate.
        Ok(service::change_password(db(ctx), auth(ctx), viewer_at_gate(ctx)?, &current_password, &new_password).await?)
    }
}
