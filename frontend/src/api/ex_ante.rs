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
use crate::page_fields;

/// The fields of an assessment as a target refers to it.
#[macro_export]
macro_rules! ex_ante_brief_fields {
    () => {
        "id state assessorKind totalScore conclusion"
    };
}

#[macro_export]
macro_rules! ex_ante_fields {
    () => {
        concat!(
            "id assessorKind state scores totalScore conclusion cutAmount preconditions opinion concludedAt panel { id } firm { ",
            $crate::org_summary_fields!(),
            " } project { ",
            $crate::project_fields!(),
            " }"
        )
    };
}

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

const LIST: &str = concat!(
    "query ExAnteAssessments($yearId: ID!, $first: Int, $after: String) { exAnteAssessments(yearId: $yearId, first: $first, after: $after) { edges { node { ",
    ex_ante_fields!(),
    " } } ",
    page_fields!(),
    " } }"
);
const START: &str = concat!(
    "mutation StartExAnte($projectId: ID!, $assessorKind: AssessorKind!, $firmId: ID) { startExAnte(projectId: $projectId, assessorKind: $assessorKind, firmId: $firmId) { ",
    ex_ante_fields!(),
    " } }"
);
const SCORE: &str = concat!(
    "mutation SubmitExAnteScores($id: ID!, $scores: [String!]!, $opinion: String!) { submitExAnteScores(id: $id, scores: $scores, opinion: $opinion) { ",
    ex_ante_fields!(),
    " } }"
);
const CONCLUDE: &str = concat!(
    "mutation ConcludeExAnte($id: ID!, $conclusion: Conclusion!, $cutAmount: Money, $preconditions: String) { concludeExAnte(id: $id, conclusion: $conclusion, cutAmount: $cutAmount, preconditions: $preconditions) { ",
    ex_ante_fields!(),
    " } }"
);

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
