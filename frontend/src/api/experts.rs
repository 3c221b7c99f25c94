//! Experts (the backend's `experts` domain): profiles (专家库: the fields an
//! expert reviews and the units it declared a conflict of interest with) here,
//! expert panels (专家组) and their items and opinions in `panels`.

pub mod panels;

use serde::Deserialize;
use serde_json::json;
use shared::indicators::Field;

use super::client::{ApiError, request};
use super::connection::Connection;
use super::organisations::OrgSummary;

/// An expert (the id is the expert's user id).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Expert {
    pub id: String,
    pub display_name: String,
    pub fields: Vec<Field>,
    pub conflict_units: Vec<OrgSummary>,
}

const LIST: &str = include_str!("graphql/experts/experts.graphql");
const SET_PROFILE: &str = include_str!("graphql/experts/set_expert_profile.graphql");

/// Rows per page of the experts list.
pub const PAGE_SIZE: u32 = 20;

/// One page of the expert pool (of a field).
pub async fn list(field: Option<Field>, after: Option<String>) -> Result<Connection<Expert>, ApiError> {
    request(LIST, json!({ "field": field, "first": PAGE_SIZE, "after": after }), "experts").await
}

/// Replaces an expert's fields and conflicting units.
pub async fn set_profile(
    user_id: String,
    fields: Vec<Field>,
    conflict_unit_ids: Vec<String>,
) -> Result<Expert, ApiError> {
    let variables = json!({ "userId": user_id, "fields": fields, "conflictUnitIds": conflict_unit_ids });
    request(SET_PROFILE, variables, "setExpertProfile").await
}
