//! The viewer behind an access token, checked on every request: the token's
//! signature and expiry, and in one query the user, its organisation and
//! its session, so that a disabled user, a changed role or a logout take
//! effect at once (issue 8 item 7). The handler does it once per request and
//! puts the result into the request's data.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{DatabaseConnection, EntityTrait, FromQueryResult, JoinType, QueryFilter, QuerySelect, RelationDef};
use shared::organisations::OrgKind;
use shared::roles::Role;

use super::entity as refresh_token;
use super::service::Auth;
use crate::error::AppResult;
use crate::organisations::entity as organisation;
use crate::users::entity as user;
use crate::viewer::{Restriction, Viewer};

#[derive(FromQueryResult)]
struct Row {
    id: i64,
    username: String,
    role: String,
    organisation_id: i64,
    active: bool,
    locked_until: Option<chrono::DateTime<Utc>>,
    role_granted: bool,
    must_change_password: bool,
    org_kind: String,
}

/// The viewer behind an access token, if the token is valid, its session not
/// ended and the user active and unlocked.
pub async fn viewer_for_token(db: &DatabaseConnection, auth: &Auth, token: &str) -> AppResult<Option<Viewer>> {
    let Some((user_id, session)) = auth.keys.verify(token) else {
        return Ok(None);
    };
    // A session lives while one of its refresh tokens is not revoked (logout,
    // theft, a password change or a disabled user revoke them all).
    let live = Query::select()
        .expr(Expr::val(1))
        .from(refresh_token::Entity)
        .and_where(Expr::col(refresh_token::Column::Family).eq(session))
        .and_where(Expr::col(refresh_token::Column::UserId).eq(user_id))
        .and_where(Expr::col(refresh_token::Column::RevokedAt).is_null())
        .to_owned();
    let org: RelationDef = user::Entity::belongs_to(organisation::Entity)
        .from(user::Column::OrganisationId)
        .to(organisation::Column::Id)
        .into();
    let row = user::Entity::find_by_id(user_id)
        .select_only()
        .columns([
            user::Column::Id,
            user::Column::Username,
            user::Column::Role,
            user::Column::OrganisationId,
            user::Column::Active,
            user::Column::LockedUntil,
            user::Column::RoleGranted,
            user::Column::MustChangePassword,
        ])
        .column_as(organisation::Column::Kind, "org_kind")
        .join(JoinType::InnerJoin, org)
        .filter(Expr::exists(live))
        .into_model::<Row>()
        .one(db)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    if !row.active || row.locked_until.is_some_and(|u| u > Utc::now()) {
        return Ok(None);
    }
    let (Some(role), Some(org_kind)) = (Role::parse(&row.role), OrgKind::parse(&row.org_kind)) else {
        return Ok(None);
    };
    let restriction = if row.must_change_password {
        Some(Restriction::MustChangePassword)
    } else if !row.role_granted {
        Some(Restriction::RoleNotGranted)
    } else {
        None
    };
    Ok(Some(Viewer {
        user_id: row.id,
        username: row.username,
        role,
        org_id: row.organisation_id,
        org_kind,
        restriction,
    }))
}
