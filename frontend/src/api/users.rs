//! Users (admin) and the user record the session holds.

use serde::{Deserialize, Serialize};
use serde_json::json;
use shared::roles::Role;

use super::client::{ApiError, request};
use super::connection::Connection;
use super::organisations::OrgSummary;
use crate::page_fields;

/// The fields of the session's own user (`login`, `me`).
#[macro_export]
macro_rules! user_fields {
    () => {
        concat!("id username displayName role active organisation { ", $crate::org_summary_fields!(), " }")
    };
}

/// Plus the lockout, which only the admin may read.
macro_rules! admin_user_fields {
    () => {
        concat!(user_fields!(), " lockedUntil")
    };
}

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
}

const LIST: &str = concat!(
    "query Users($search: String, $first: Int, $after: String) { users(search: $search, first: $first, after: $after) { edges { node { ",
    admin_user_fields!(),
    " } } ",
    page_fields!(),
    " } }"
);
const CREATE: &str = concat!(
    "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ",
    admin_user_fields!(),
    " } }"
);
const UPDATE: &str = concat!(
    "mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ",
    admin_user_fields!(),
    " } }"
);

/// `CreateUserInput`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    pub organisation_id: String,
}

/// `UpdateUserInput`: only the given fields change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unlock: Option<bool>,
}

pub async fn list(search: Option<String>, first: u32, after: Option<String>) -> Result<Connection<User>, ApiError> {
    request(LIST, json!({ "search": search, "first": first, "after": after }), "users").await
}

pub async fn create(input: NewUser) -> Result<User, ApiError> {
    request(CREATE, json!({ "input": input }), "createUser").await
}

pub async fn update(id: String, input: UserChange) -> Result<User, ApiError> {
    request(UPDATE, json!({ "id": id, "input": input }), "updateUser").await
}
