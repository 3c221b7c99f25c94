//! GraphQL transport: one POST to `/graphql`, the bearer token, and the
//! session's tokens in localStorage.
//!
//! On an `UNAUTHENTICATED` error the client refreshes the token pair once
//! (refresh tokens rotate, so concurrent requests share one refresh) and
//! retries; if that fails the tokens are cleared and the session-expired hook
//! (set by the session context) sends the user to the login page.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use gloo_storage::{LocalStorage, Storage};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use shared::errors;

const ENDPOINT: &str = "/graphql";
const ACCESS_KEY: &str = "jixiao.accessToken";
const REFRESH_KEY: &str = "jixiao.refreshToken";

/// The fragments operations spread; [`send`] appends the ones an operation reaches.
const FRAGMENTS: &str = include_str!("graphql/fragments.graphql");
const REFRESH: &str = include_str!("graphql/sessions/refresh.graphql");

/// The `extensions.code` of an API error (`shared::errors`), plus the client's own failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    BadUserInput,
    Conflict,
    AccountLocked,
    YearClosed,
    Internal,
    /// The server could not be reached or did not answer with GraphQL.
    Network,
    /// An error without a known code (e.g. a query the server rejects).
    Unknown,
}

impl ErrorCode {
    fn parse(code: Option<&str>) -> Self {
        match code {
            Some(errors::UNAUTHENTICATED) => Self::Unauthenticated,
            Some(errors::FORBIDDEN) => Self::Forbidden,
            Some(errors::NOT_FOUND) => Self::NotFound,
            Some(errors::BAD_USER_INPUT) => Self::BadUserInput,
            Some(errors::CONFLICT) => Self::Conflict,
            Some(errors::ACCOUNT_LOCKED) => Self::AccountLocked,
            Some(errors::YEAR_CLOSED) => Self::YearClosed,
            Some(errors::INTERNAL) => Self::Internal,
            _ => Self::Unknown,
        }
    }
}

/// An error to show the user: the message is Chinese and safe to display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field a `BAD_USER_INPUT` error belongs to (e.g. `requestedAmount`).
    pub field: Option<String>,
}

impl ApiError {
    fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None }
    }

    fn network() -> Self {
        Self::new(ErrorCode::Network, "无法连接服务器，请检查网络后重试")
    }

    fn unreadable(status: u16) -> Self {
        if status == 401 {
            return Self::new(ErrorCode::Unauthenticated, "登录已失效，请重新登录");
        }
        Self::new(ErrorCode::Network, format!("服务器返回了无法识别的响应（HTTP {status}），请稍后重试"))
    }

    fn unexpected_shape(detail: impl fmt::Display) -> Self {
        Self::new(ErrorCode::Unknown, format!("服务器返回的数据与约定不符：{detail}"))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

#[derive(Deserialize)]
struct GqlResponse {
    data: Option<Value>,
    #[serde(default)]
    errors: Vec<GqlError>,
}

#[derive(Deserialize)]
struct GqlError {
    message: String,
    #[serde(default)]
    extensions: Option<GqlExtensions>,
}

#[derive(Deserialize)]
struct GqlExtensions {
    code: Option<String>,
    field: Option<String>,
}

impl From<GqlError> for ApiError {
    fn from(err: GqlError) -> Self {
        let (code, field) = match err.extensions {
            Some(ext) => (ext.code, ext.field),
            None => (None, None),
        };
        let code_parsed = ErrorCode::parse(code.as_deref());
        let message = match code_parsed {
            // Errors without a code come from the GraphQL layer itself (English text).
            ErrorCode::Unknown => format!("请求失败：{}", err.message),
            ErrorCode::Internal if err.message.is_empty() => "服务器内部错误，请稍后重试".to_owned(),
            _ => err.message,
        };
        Self { code: code_parsed, message, field }
    }
}

// ---------------------------------------------------------------- tokens

/// The stored access token, if any.
pub fn access_token() -> Option<String> {
    LocalStorage::get(ACCESS_KEY).ok()
}

/// The stored refresh token, if any.
pub fn refresh_token() -> Option<String> {
    LocalStorage::get(REFRESH_KEY).ok()
}

/// Whether a session was stored by an earlier login.
pub fn has_tokens() -> bool {
    access_token().is_some() || refresh_token().is_some()
}

/// Stores a new token pair (after login or refresh).
pub fn store_tokens(access: &str, refresh: &str) {
    // Storage can fail (private mode, quota): the session then lasts for this page only.
    let _ = LocalStorage::set(ACCESS_KEY, access);
    let _ = LocalStorage::set(REFRESH_KEY, refresh);
}

/// Forgets the session's tokens.
pub fn clear_tokens() {
    LocalStorage::delete(ACCESS_KEY);
    LocalStorage::delete(REFRESH_KEY);
}

thread_local! {
    static ON_EXPIRED: RefCell<Option<Rc<dyn Fn()>>> = RefCell::new(None);
    static REFRESHING: RefCell<Option<Shared<LocalBoxFuture<'static, bool>>>> = const { RefCell::new(None) };
}

/// Sets what happens when the session cannot be renewed (tokens are cleared first).
pub fn on_session_expired(hook: impl Fn() + 'static) {
    ON_EXPIRED.with(|slot| *slot.borrow_mut() = Some(Rc::new(hook)));
}

fn session_expired() {
    clear_tokens();
    let hook = ON_EXPIRED.with(|slot| slot.borrow().clone());
    if let Some(hook) = hook {
        hook();
    }
}

/// Renews the token pair after a request sent with `used` was refused.
/// Returns whether a fresh access token is now stored.
async fn renew_after(used: Option<String>) -> bool {
    let current = access_token();
    if current.is_some() && current != used {
        // Another request already refreshed the pair meanwhile.
        return true;
    }
    let pending =
        REFRESHING.with(|slot| slot.borrow_mut().get_or_insert_with(|| refresh_pair().boxed_local().shared()).clone());
    pending.await
}

async fn refresh_pair() -> bool {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Pair {
        access_token: String,
        refresh_token: String,
    }
    let renewed = match refresh_token() {
        None => false,
        Some(token) => match send(REFRESH, &json!({ "refreshToken": token }), None).await {
            Ok(data) => match take::<Pair>(data, "refresh") {
                Ok(pair) => {
                    store_tokens(&pair.access_token, &pair.refresh_token);
                    true
                }
                Err(_) => false,
            },
            Err(_) => false,
        },
    };
    REFRESHING.with(|slot| slot.borrow_mut().take());
    renewed
}

// ---------------------------------------------------------------- requests

/// Runs an operation as the logged-in user and decodes `data.<field>`.
pub async fn request<T: DeserializeOwned>(query: &str, variables: Value, field: &str) -> Result<T, ApiError> {
    let used = access_token();
    let data = match send(query, &variables, used.as_deref()).await {
        Err(err) if err.code == ErrorCode::Unauthenticated => {
            if renew_after(used).await {
                let retried = send(query, &variables, access_token().as_deref()).await;
                if matches!(&retried, Err(e) if e.code == ErrorCode::Unauthenticated) {
                    session_expired();
                }
                retried?
            } else {
                session_expired();
                return Err(err);
            }
        }
        other => other?,
    };
    take(data, field)
}

/// Runs an operation with the current token but never refreshes (logout).
pub async fn request_once<T: DeserializeOwned>(query: &str, variables: Value, field: &str) -> Result<T, ApiError> {
    let data = send(query, &variables, access_token().as_deref()).await?;
    take(data, field)
}

/// Runs an operation without a token (login) and decodes `data.<field>`.
pub async fn request_anonymous<T: DeserializeOwned>(query: &str, variables: Value, field: &str) -> Result<T, ApiError> {
    let data = send(query, &variables, None).await?;
    take(data, field)
}

fn take<T: DeserializeOwned>(mut data: Value, field: &str) -> Result<T, ApiError> {
    let value = data.get_mut(field).map(Value::take).unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| ApiError::unexpected_shape(format!("{field}: {e}")))
}

/// Sends one operation (a file of `graphql/`) with the fragments it spreads.
async fn send(operation: &str, variables: &Value, token: Option<&str>) -> Result<Value, ApiError> {
    let query = shared::graphql_document::assemble(operation, FRAGMENTS);
    let body = json!({ "query": query, "variables": variables });
    let mut builder = Request::post(ENDPOINT).header("Accept", "application/json");
    if let Some(token) = token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let response =
        builder.json(&body).map_err(|_| ApiError::network())?.send().await.map_err(|_| ApiError::network())?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError::network())?;
    let parsed: GqlResponse = serde_json::from_str(&text).map_err(|_| ApiError::unreadable(status))?;
    if let Some(first) = parsed.errors.into_iter().next() {
        return Err(first.into());
    }
    parsed.data.ok_or_else(|| ApiError::unexpected_shape("缺少 data"))
}
