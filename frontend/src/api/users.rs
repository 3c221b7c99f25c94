//! Users (系统管理员: accounts; 安全管理员: grants, resets, unlocks) and the
//! user record the session holds.

use serde::{Deserialize, Serialize};
use serde_json::json;
use shared::roles::Role;

use super::client::{ApiError, request};
use super::connection::Connection;
use super::organisations::OrgSummary;

/// A user account.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub organisation: OrgSummary,
    pub active: bool,
    /// RFC 3339; set while the account is locked after failed logins.
    /// Only asked for in the admin's lists.
    #[serde(default)]
    pub locked_until: Option<String>,
    /// False while the role waits for the 安全管理员's grant (待授权).
    #[serde(default)]
    pub role_granted: Option<bool>,
    /// A one-time password is set (首次登录须修改密码).
    #[serde(default)]
    pub must_change_password: Option<bool>,
}

/// A user with the one-time password just issued (shown once).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Issued {
    pub user: User,
    pub one_time_password: String,
}

const LIST: &str = include_str!("graphql/users/users.graphql");
const CREATE: &str = include_str!("graphql/users/create_user.graphql");
const RESET: &str = include_str!("graphql/users/reset_password.graphql");
const UNLOCK: &str = include_str!("graphql/users/unlock_user.graphql");
const GRANT: &str = include_str!("graphql/users/grant_role.graphql");
const UPDATE: &str = include_str!("graphql/users/update_user.graphql");

/// `CreateUserInput`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    /// The role asked for; the 安全管理员 grants it.
    pub role: Role,
    pub organisation_id: String,
}

/// `UpdateUserInput`: only the given fields change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

pub async fn list(
    search: Option<String>,
    awaiting_grant: Option<bool>,
    first: u32,
    after: Option<String>,
) -> Result<Connection<User>, ApiError> {
    let variables = json!({ "search": search, "awaitingGrant": awaiting_grant, "first": first, "after": after });
    request(LIST, variables, "users").await
}

/// The 系统管理员 opens an account; the answer carries its one-time password.
pub async fn create(input: NewUser) -> Result<Issued, ApiError> {
    request(CREATE, json!({ "input": input }), "createUser").await
}

/// The 安全管理员 resets a password to a one-time password.
pub async fn reset_password(id: String) -> Result<Issued, ApiError> {
    request(RESET, json!({ "userId": id }), "resetPassword").await
}

/// The 安全管理员 lifts a lockout.
pub async fn unlock(id: String) -> Result<User, ApiError> {
    request(UNLOCK, json!({ "userId": id }), "unlockUser").await
}

/// The 安全管理员 grants a role in an organisation.
pub async fn grant(id: String, role: Role, organisation_id: String) -> Result<User, ApiError> {
    request(GRANT, json!({ "userId": id, "role": role, "organisationId": organisation_id }), "grantRole").await
}

pub async fn update(id: String, input: UserChange) -> Result<User, ApiError> {
    request(UPDATE, json!({ "id": id, "input": input }), "updateUser").await
}
