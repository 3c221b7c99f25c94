//! HTTP as a careful server does it (issue 8 item 7): security headers on
//! every response, `/graphql` takes JSON only, errors before GraphQL are JSON
//! with a code, GraphiQL only in development.

use axum::Router;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::code;

/// The app's own scripts only, plus compiling its WebAssembly; no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// GraphiQL (development only) loads React and GraphiQL from unpkg.com and
/// starts them with an inline script.
const GRAPHIQL_POLICY: &str = "default-src 'self'; script-src 'self' 'unsafe-inline' unpkg.com; \
     style-src 'self' 'unsafe-inline' unpkg.com; img-src 'self' data: https:; font-src 'self' data: \
     unpkg.com; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// Adds the security headers to every response that does not set its own.
pub fn security_headers<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    let set = |name, value: &'static str| SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value));
    router
        .layer(set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::REFERRER_POLICY, "no-referrer"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
}

/// A GraphQL-shaped error body with a stable code.
pub fn json_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "data": null, "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, axum::Json(body)).into_response()
}

/// `/graphql` takes `application/json` only (uploads travel base64-encoded
/// inside it); anything else gets this 415 with `UNSUPPORTED_MEDIA_TYPE`.
pub fn refuse_unless_json(headers: &HeaderMap) -> Option<Response> {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("application/json") => None,
        _ => Some(json_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::UNSUPPORTED_MEDIA_TYPE,
            "请求须为 JSON（Content-Type: application/json）",
        )),
    }
}

/// A body that could not be read: too large (413, `PAYLOAD_TOO_LARGE`, the
/// limit in the message) or broken off (400).
pub fn body_rejection(rejection: &BytesRejection, limit: usize) -> Response {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        let message = format!("请求体过大（上限 {} MiB）", limit / (1024 * 1024));
        return json_error(StatusCode::PAYLOAD_TOO_LARGE, code::PAYLOAD_TOO_LARGE, &message);
    }
    json_error(StatusCode::BAD_REQUEST, code::BAD_USER_INPUT, "请求体读取失败")
}

/// GraphiQL, served in development only, with its own policy.
pub async fn graphiql() -> Response {
    let page = Html(async_graphql::http::GraphiQLSource::build().endpoint("/graphql").finish());
    ([(header::CONTENT_SECURITY_POLICY, GRAPHIQL_POLICY)], page).into_response()
}
