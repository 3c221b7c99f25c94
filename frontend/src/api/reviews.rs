//! The four-step review chain of targets (业务股室初审 → 绩效股复审 →
//! 专家集中会审 → 批复): the reviewer's queue and decisions.

use serde_json::json;
use shared::reviews::ReviewAction;

use super::client::{ApiError, request};
use super::connection::Connection;
use super::targets::{Target, TargetSummary};

/// Rows per page of the review queue.
pub const PAGE_SIZE: u32 = 20;

const QUEUE: &str = include_str!("graphql/reviews/review_queue.graphql");
const REVIEW: &str = include_str!("graphql/reviews/review_target.graphql");

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
