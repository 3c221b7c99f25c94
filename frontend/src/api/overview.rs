//! The county overview (县域总览): projects and amounts by budget type and unit kind.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::json;
use shared::organisations::OrgKind;
use shared::projects::BudgetType;

use super::client::{ApiError, request};
use super::years::FiscalYear;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetTypeSummary {
    pub budget_type: BudgetType,
    pub project_count: i64,
    pub requested_total: Decimal,
    pub approved_total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitKindSummary {
    pub unit_kind: OrgKind,
    pub unit_count: i64,
    pub project_count: i64,
    pub requested_total: Decimal,
    pub approved_total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountyOverview {
    pub year: FiscalYear,
    pub project_count: i64,
    pub requested_total: Decimal,
    pub approved_total: Decimal,
    pub by_budget_type: Vec<BudgetTypeSummary>,
    pub by_unit_kind: Vec<UnitKindSummary>,
}

const OVERVIEW: &str = include_str!("graphql/overview/county_overview.graphql");

pub async fn county(year_id: String) -> Result<CountyOverview, ApiError> {
    request(OVERVIEW, json!({ "yearId": year_id }), "countyOverview").await
}
