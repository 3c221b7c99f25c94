//! Fiscal years (预算年度): 编制 → 执行 → 决算 → 关闭.

use serde::Deserialize;
use serde_json::json;
use shared::years::YearStatus;

use super::client::{ApiError, request};

/// A fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FiscalYear {
    pub id: String,
    pub year: i32,
    pub status: YearStatus,
}

const LIST: &str = include_str!("graphql/years/years.graphql");
const CREATE: &str = include_str!("graphql/years/create_year.graphql");
const ADVANCE: &str = include_str!("graphql/years/advance_year.graphql");

/// All fiscal years, newest first.
pub async fn list() -> Result<Vec<FiscalYear>, ApiError> {
    request(LIST, json!({}), "years").await
}

pub async fn create(year: i32) -> Result<FiscalYear, ApiError> {
    request(CREATE, json!({ "year": year }), "createYear").await
}

/// Moves a year to its next status.
pub async fn advance(id: String) -> Result<FiscalYear, ApiError> {
    request(ADVANCE, json!({ "id": id }), "advanceYear").await
}
