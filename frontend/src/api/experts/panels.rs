//! Expert panels (专家集中会审 and ex-ante panels): the random draw, the items,
//! the experts' opinions and the panel's conclusion.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::json;
use shared::experts::PanelPurpose;
use shared::indicators::Field;

use super::Expert;
use crate::api::client::{ApiError, request};
use crate::api::connection::Connection;
use crate::api::ex_ante::ExAnteAssessment;
use crate::api::targets::TargetSummary;
use crate::api::years::FiscalYear;

/// Rows per page of the panels list and the expert's inbox.
pub const PAGE_SIZE: u32 = 20;

/// One expert's opinion: a score (target review) or five dimension scores (ex-ante).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpertOpinion {
    pub expert: String,
    pub score: Option<Decimal>,
    pub dimension_scores: Option<Vec<Decimal>>,
    pub opinion: String,
    pub at: String,
}

/// A target or an assessment put before a panel.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PanelItem {
    pub id: String,
    pub target: Option<TargetSummary>,
    pub assessment: Option<ExAnteAssessment>,
    pub opinions: Vec<ExpertOpinion>,
    pub my_opinion: Option<ExpertOpinion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpertPanel {
    pub id: String,
    pub year: FiscalYear,
    /// Null only for panels stored before purposes were recorded.
    pub purpose: Option<PanelPurpose>,
    pub field: Option<Field>,
    pub members: Vec<Expert>,
    pub items: Vec<PanelItem>,
    pub conclusion: Option<String>,
    pub concluded_at: Option<String>,
    pub created_at: String,
}

/// What `formPanel` is asked to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelRequest {
    pub year_id: String,
    pub purpose: PanelPurpose,
    pub field: Field,
    pub size: i64,
    /// Project ids (target review) or assessment ids (ex-ante).
    pub items: Vec<String>,
}

/// An expert's opinion on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionInput {
    pub item_id: String,
    pub score: Option<String>,
    pub dimension_scores: Option<Vec<String>>,
    pub opinion: String,
}

const LIST: &str = include_str!("../graphql/experts/panels.graphql");
const MY_ITEMS: &str = include_str!("../graphql/experts/my_panel_items.graphql");
const FORM: &str = include_str!("../graphql/experts/form_panel.graphql");
const OPINION: &str = include_str!("../graphql/experts/submit_opinion.graphql");
const CONCLUDE: &str = include_str!("../graphql/experts/conclude_panel.graphql");

/// One page of a year's panels (绩效股: all; an expert: its own).
pub async fn list(year_id: String, after: Option<String>) -> Result<Connection<ExpertPanel>, ApiError> {
    request(LIST, json!({ "yearId": year_id, "first": PAGE_SIZE, "after": after }), "panels").await
}

/// 我的待办 of an expert: the items of its panels.
pub async fn my_items(after: Option<String>) -> Result<Connection<PanelItem>, ApiError> {
    request(MY_ITEMS, json!({ "first": PAGE_SIZE, "after": after }), "myPanelItems").await
}

/// Draws a panel at random from the experts of the field, excluding conflicts.
pub async fn form(input: PanelRequest) -> Result<ExpertPanel, ApiError> {
    let (targets, assessments) = match input.purpose {
        PanelPurpose::TargetReview => (Some(input.items), None),
        PanelPurpose::ExAnte => (None, Some(input.items)),
    };
    let variables = json!({
        "yearId": input.year_id, "purpose": input.purpose, "field": input.field, "size": input.size,
        "targetProjectIds": targets, "assessmentIds": assessments,
    });
    request(FORM, variables, "formPanel").await
}

pub async fn submit_opinion(input: OpinionInput) -> Result<PanelItem, ApiError> {
    let variables = json!({
        "panelItemId": input.item_id, "score": input.score,
        "dimensionScores": input.dimension_scores, "opinion": input.opinion,
    });
    request(OPINION, variables, "submitOpinion").await
}

/// Records the panel's conclusion (绩效股).
pub async fn conclude(panel_id: String, conclusion: String) -> Result<ExpertPanel, ApiError> {
    request(CONCLUDE, json!({ "panelId": panel_id, "conclusion": conclusion }), "concludePanel").await
}
