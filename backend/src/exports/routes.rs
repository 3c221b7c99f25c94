//! The download routes: `GET /exports/<list>.xlsx` with the list's filter in
//! the query string and the caller's bearer token (the caller's scope and
//! capability apply exactly as for the list itself).

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use super::audit_log::AuditLogExport;
use crate::audit::search::{self, AuditFilter};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::sessions::access::viewer_for_token;
use crate::sessions::service::Auth;
use crate::viewer::Viewer;

#[derive(Clone)]
struct ExportState {
    db: DatabaseConnection,
    auth: Auth,
}

pub fn router<S: Clone + Send + Sync + 'static>(db: DatabaseConnection, auth: Auth) -> Router<S> {
    Router::new().route("/exports/audit-log.xlsx", get(audit_log)).with_state(ExportState { db, auth })
}

/// The audit-log search's filter, as query parameters.
#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AuditLogParams {
    actor: Option<String>,
    operation: Option<String>,
    object_type: Option<String>,
    object_id: Option<String>,
    /// RFC 3339 (`2026-12-01T00:00:00+08:00`).
    from: Option<String>,
    to: Option<String>,
}

async fn audit_log(
    State(state): State<ExportState>,
    headers: HeaderMap,
    params: Result<Query<AuditLogParams>, QueryRejection>,
) -> Response {
    let result = async {
        let viewer = authenticate(&state, &headers).await?;
        let Query(p) = params.map_err(|_| AppError::bad_input("查询参数格式不正确"))?;
        let filter = AuditFilter {
            actor: p.actor,
            operation: p.operation,
            object_type: p.object_type,
            object_id: p.object_id,
            from: instant(p.from.as_deref(), "from")?,
            to: instant(p.to.as_deref(), "to")?,
        };
        let select = search::select(&viewer, &filter)?;
        // Reading the log is not recorded; taking a copy of it is.
        let mut change = Change::new("audit.export", "audit_log", "");
        change.object_id = None;
        let change = change.after(&serde_json::json!({
            "actor": filter.actor, "operation": filter.operation, "object_type": filter.object_type,
            "object_id": filter.object_id, "from": filter.from, "to": filter.to,
        }));
        audit::record(&state.db, &viewer, change).await?;
        let name = format!("审计日志-{}.xlsx", Utc::now().format("%Y%m%d-%H%M%S"));
        super::xlsx_response(state.db.clone(), AuditLogExport(select), &name).await
    };
    result.await.unwrap_or_else(error_response)
}

fn instant(value: Option<&str>, field: &'static str) -> AppResult<Option<DateTime<Utc>>> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| {
            DateTime::parse_from_rfc3339(v.trim())
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| AppError::bad_field(field, "时间格式不正确（RFC 3339）"))
        })
        .transpose()
}

/// The bearer token's viewer, held to the same gate as GraphQL requests.
async fn authenticate(state: &ExportState, headers: &HeaderMap) -> AppResult<Viewer> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(AppError::unauthenticated)?;
    let viewer = viewer_for_token(&state.db, &state.auth, token).await?.ok_or_else(AppError::unauthenticated)?;
    match viewer.restriction {
        Some(restriction) => Err(restriction.error()),
        None => Ok(viewer),
    }
}

/// An error as JSON in the GraphQL error shape, with a matching status.
fn error_response(err: AppError) -> Response {
    let status = match err.code() {
        "UNAUTHENTICATED" => StatusCode::UNAUTHORIZED,
        "FORBIDDEN" | "PASSWORD_CHANGE_REQUIRED" | "ROLE_NOT_GRANTED" => StatusCode::FORBIDDEN,
        "INTERNAL" => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    };
    let code = err.code();
    let message = err.message();
    if let AppError::Internal(source) = &err {
        tracing::error!(error = ?source, "export failed");
    }
    let body = serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, axum::Json(body)).into_response()
}
