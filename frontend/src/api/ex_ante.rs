//! 事前绩效评估: assessments by an expert panel or a commissioned firm, their
//! five dimension scores and the conclusion.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::json;
use shared::ex_ante::{AssessmentState, AssessorKind, Conclusion};

use super::client::{ApiError, request};
use super::connection::Connection;
use super::organisations::OrgSummary;
use super::projects::Project;

/// Rows per page of the assessments list.
pub const PAGE_SIZE: u32 = 20;

/// An assessment as a target shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExAnteBrief {
    pub id: String,
    pub state: AssessmentState,
    pub assessor_kind: AssessorKind,
    pub total_score: Option<Decimal>,
    pub conclusion: Option<Conclusion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PanelRef {
    pub id: String,
}

/// An assessment. `scores` are in `Dimension::ALL` order, once scored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExAnteAssessment {
    pub id: String,
    pub project: Project,
    pub assessor_kind: AssessorKind,
    pub firm: Option<OrgSummary>,
    pub panel: Option<PanelRef>,
    pub state: AssessmentState,
    pub scores: Option<Vec<Decimal>>,
    pub total_score: Option<Decimal>,
    pub conclusion: Option<Conclusion>,
    pub cut_amount: Option<Decimal>,
    pub preconditions: String,
    pub opinion: String,
    pub concluded_at: Option<String>,
}

const LIST: &str = include_str!("graphql/ex_ante/ex_ante_assessments.graphql");
const START: &str = include_str!("graphql/ex_ante/start_ex_ante.graphql");
const SCORE: &str = include_str!("graphql/ex_ante/submit_ex_ante_scores.graphql");
const CONCLUDE: &str = include_str!("graphql/ex_ante/conclude_ex_ante.graphql");

/// One page of the assessments of a year the caller may see.
pub async fn list(
    year_id: String,
    first: u32,
    after: Option<String>,
) -> Result<Connection<ExAnteAssessment>, ApiError> {
    request(LIST, json!({ "yearId": year_id, "first": first, "after": after }), "exAnteAssessments").await
}

/// Starts an assessment of a project (绩效股).
pub async fn start(
    project_id: String,
    kind: AssessorKind,
    firm_id: Option<String>,
) -> Result<ExAnteAssessment, ApiError> {
    request(START, json!({ "projectId": project_id, "assessorKind": kind, "firmId": firm_id }), "startExAnte").await
}

/// The commissioned firm's five scores (decimal strings) and opinion.
pub async fn submit_scores(id: String, scores: Vec<String>, opinion: String) -> Result<ExAnteAssessment, ApiError> {
    request(SCORE, json!({ "id": id, "scores": scores, "opinion": opinion }), "submitExAnteScores").await
}

/// The conclusion (绩效股); a cut amount for 调整后支持.
pub async fn conclude(
    id: String,
    conclusion: Conclusion,
    cut_amount: Option<String>,
    preconditions: String,
) -> Result<ExAnteAssessment, ApiError> {
    let variables =
        json!({ "id": id, "conclusion": conclusion, "cutAmount": cut_amount, "preconditions": preconditions });
    request(CONCLUDE, variables, "concludeExAnte").await
}
