//! The four-step review chain of targets (业务股室初审 → 绩效股复审 →
//! 专家集中会审 → 批复): the reviewer's queue and decisions.

use serde_json::json;
use shared::reviews::ReviewAction;

use super::client::{ApiError, request};
use super::connection::Connection;
use super::targets::{Target, TargetSummary};
use crate::{page_fields, target_fields, target_summary_fields};

/// Rows per page of the review queue.
pub const PAGE_SIZE: u32 = 20;

const QUEUE: &str = concat!(
    "query ReviewQueue($yearId: ID, $first: Int, $after: String) { reviewQueue(yearId: $yearId, first: $first, after: $after) { edges { node { ",
    target_summary_fields!(),
    " } } ",
    page_fields!(),
    " } }"
);
const REVIEW: &str = concat!(
    "mutation ReviewTarget($projectId: ID!, $action: ReviewAction!, $reasons: String, $adjustAmount: Money) { reviewTarget(projectId: $projectId, action: $action, reasons: $reasons, adjustAmount: $adjustAmount) { ",
    target_fields!(),
    " } }"
);

/// 待办: the targets waiting for the caller's review.
pub async fn queue(year_id: Option<String>, after: Option<String>) -> Result<Connection<TargetSummary>, ApiError> {
    request(QUEUE, json!({ "yearId": year_id, "first": PAGE_SIZE, "after": after }), "reviewQueue").await
}

/// 通过, 退回 (with reasons) or 批复, optionally adjusting the budget.
pub async fn review(
    project_id: String,
    action: ReviewAction,
    reasons: Option<String>,
    adjust_amount: Option<String>,
) -> Result<Target, ApiError> {
    let variables =
        json!({ "projectId": project_id, "action": action, "reasons": reasons, "adjustAmount": adjust_amount });
    request(REVIEW, variables, "reviewTarget").await
}
