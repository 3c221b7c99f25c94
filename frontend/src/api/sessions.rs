//! Login, the current user, logout.

use serde::Deserialize;
use serde_json::json;

use super::client::{self, ApiError, request, request_anonymous};
use super::users::User;

const LOGIN: &str = include_str!("graphql/sessions/login.graphql");
const ME: &str = include_str!("graphql/sessions/me.graphql");
const LOGOUT: &str = include_str!("graphql/sessions/logout.graphql");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AuthPayload {
    access_token: String,
    refresh_token: String,
    user: User,
}

/// Logs in and stores the token pair; returns the user.
pub async fn login(username: String, password: String) -> Result<User, ApiError> {
    let payload: AuthPayload =
        request_anonymous(LOGIN, json!({ "username": username, "password": password }), "login").await?;
    client::store_tokens(&payload.access_token, &payload.refresh_token);
    Ok(payload.user)
}

/// The logged-in user.
pub async fn me() -> Result<User, ApiError> {
    request(ME, json!({}), "me").await
}

/// Spends the refresh token on the server (best effort) and forgets the tokens.
pub async fn logout() {
    if let Some(token) = client::refresh_token() {
        // The user leaves either way: a failed logout only leaves a token to expire.
        let _: Result<bool, ApiError> = client::request_once(LOGOUT, json!({ "refreshToken": token }), "logout").await;
    }
    client::clear_tokens();
}
