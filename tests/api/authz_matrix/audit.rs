//! Rows and runners of the 审计管理员's operations.

use jixiao_tests::{Actor, Gql, TestApp};
use serde_json::json;

use super::{AUDITOR_ONLY, Row};

pub const ROWS: &[Row] = &[("auditLog", AUDITOR_ONLY, AUDITOR_ONLY)];

/// Runs an audit operation; `None` if `op` is another domain's.
pub async fn run(
    app: &TestApp,
    op: &str,
    _actor: Actor,
    token: Option<&str>,
    _unit: i64,
) -> Option<(Gql, Option<String>)> {
    let res = match op {
        "auditLog" => {
            let q = "{ auditLog(first: 5) { totalCount edges { node { id operation } } } }";
            (app.gql(token, q, json!({})).await, None)
        }
        _ => return None,
    };
    Some(res)
}
