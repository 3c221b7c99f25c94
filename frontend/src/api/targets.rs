//! Performance targets (绩效目标): the unit's draft, its submission,
//! revisions and what changed between them. The review chain is `reviews`.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use shared::indicators::{Comparator, Direction, IndicatorSource, Level2};
use shared::reviews::{ReviewAction, ReviewStep, TargetState};
use shared::targets::{TargetIndicator, TargetRules};

use super::client::{ApiError, request};
use super::connection::Connection;
use super::ex_ante::ExAnteBrief;
use super::projects::Project;

/// `TargetIndicatorInput`: the weight travels as typed (a decimal string).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetIndicatorInput {
    pub level2: Level2,
    pub name: String,
    pub comparator: Comparator,
    pub target_value: String,
    pub unit: String,
    pub weight: String,
    pub direction: Direction,
    pub scoring_standard: String,
    pub explanation: String,
    pub source: IndicatorSource,
    pub library_id: Option<String>,
}

/// A server-side check of the draft; `indicator` is 0-based.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TargetIssue {
    pub indicator: Option<i64>,
    pub field: String,
    pub message: String,
}

/// One change between revisions: `GOAL_CHANGED`, `ADDED`, `REMOVED` or `MODIFIED`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Change {
    pub kind: String,
    pub name: Option<String>,
    pub field: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetRevision {
    pub number: i64,
    pub overall_goal: String,
    pub indicators: Vec<TargetIndicator>,
    pub submitted_at: String,
    pub submitted_by: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetReview {
    pub step: ReviewStep,
    pub action: ReviewAction,
    pub revision: i64,
    pub reasons: String,
    pub adjust_amount: Option<Decimal>,
    pub reviewer: String,
    pub organisation: String,
    pub at: String,
}

/// A target as listed (queue, panels, inbox).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetSummary {
    pub id: String,
    pub project: Project,
    pub state: TargetState,
    pub revision: i64,
    pub overall_goal: String,
    pub indicators: Vec<TargetIndicator>,
    pub quantified_share: Decimal,
    pub updated_at: String,
}

/// A target with its checks, history and reviews.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    #[serde(flatten)]
    pub summary: TargetSummary,
    pub requires_ex_ante: bool,
    pub adjusted_total: Decimal,
    pub issues: Vec<TargetIssue>,
    pub revisions: Vec<TargetRevision>,
    pub reviews: Vec<TargetReview>,
    pub ex_ante: Option<ExAnteBrief>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RulesWire {
    weight_total: Decimal,
}

const GET: &str = include_str!("graphql/targets/target.graphql");
const RULES: &str = include_str!("graphql/targets/target_rules.graphql");
const LIST: &str = include_str!("graphql/targets/targets.graphql");
const SAVE: &str = include_str!("graphql/targets/save_target.graphql");
const SUBMIT: &str = include_str!("graphql/targets/submit_target.graphql");
/// The target of a project; `None` when the unit has not started one.
pub async fn get(project_id: String) -> Result<Option<Target>, ApiError> {
    request(GET, json!({ "projectId": project_id }), "target").await
}

/// The rule set's numbers (weights total).
pub async fn rules() -> Result<TargetRules, ApiError> {
    let wire: RulesWire = request(RULES, json!({}), "targetRules").await?;
    Ok(TargetRules { weight_total: wire.weight_total })
}

/// The targets of a year (in a state), as far as the caller may see;
/// `awaiting_panel` keeps only those no expert panel has been given yet.
pub async fn list(
    year_id: String,
    state: Option<TargetState>,
    awaiting_panel: bool,
    first: u32,
    after: Option<String>,
) -> Result<Connection<TargetSummary>, ApiError> {
    let variables =
        json!({ "yearId": year_id, "state": state, "awaitingPanel": awaiting_panel, "first": first, "after": after });
    request(LIST, variables, "targets").await
}

/// Saves the draft; never refused for rule checks (they come back as issues).
pub async fn save(
    project_id: String,
    overall_goal: String,
    indicators: Vec<TargetIndicatorInput>,
) -> Result<Target, ApiError> {
    let variables = json!({ "projectId": project_id, "overallGoal": overall_goal, "indicators": indicators });
    request(SAVE, variables, "saveTarget").await
}

/// 自审通过并提交.
pub async fn submit(project_id: String) -> Result<Target, ApiError> {
    request(SUBMIT, json!({ "projectId": project_id }), "submitTarget").await
}
