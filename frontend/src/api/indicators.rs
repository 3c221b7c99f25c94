//! The indicator library (指标库): search, 特性指标 proposals and their review
//! (入库), and the spreadsheet import/export of the 绩效股.

use serde::{Deserialize, Serialize};
use serde_json::json;
use shared::indicators::{Comparator, Direction, Field, IndicatorSource, Level1, Level2, LibraryStatus};

use super::client::{ApiError, request};
use super::connection::Connection;
use super::organisations::OrgSummary;

/// Rows per page of the library table and the picker.
pub const PAGE_SIZE: u32 = 20;

/// A library entry (三级指标).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryIndicator {
    pub id: String,
    pub level1: Level1,
    pub level2: Level2,
    pub field: Field,
    pub name: String,
    pub comparator: Comparator,
    pub unit: String,
    pub reference_value: String,
    pub scoring_standard: String,
    pub direction: Direction,
    pub source: IndicatorSource,
    pub status: LibraryStatus,
    pub proposed_by: Option<OrgSummary>,
    pub refusal_reason: Option<String>,
}

/// The arguments of `libraryIndicators`. `status` is always sent: an explicit
/// `null` would not mean the default (已入库).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryFilter {
    pub search: Option<String>,
    pub field: Option<Field>,
    pub level1: Option<Level1>,
    pub level2: Option<Level2>,
    pub status: LibraryStatus,
}

impl Default for LibraryFilter {
    fn default() -> Self {
        Self { search: None, field: None, level1: None, level2: None, status: LibraryStatus::Active }
    }
}

/// `ImportResult`: all or nothing; the counts are 0 when there are errors.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ImportResult {
    pub created: i64,
    pub updated: i64,
    pub errors: Vec<ImportRowError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ImportRowError {
    pub row: i64,
    pub column: String,
    pub message: String,
}

const LIST: &str = include_str!("graphql/indicators/library_indicators.graphql");
const PROPOSE: &str = include_str!("graphql/indicators/propose_indicator.graphql");
const CREATE: &str = include_str!("graphql/indicators/create_library_indicator.graphql");
const REVIEW: &str = include_str!("graphql/indicators/review_indicator.graphql");
const IMPORT: &str = include_str!("graphql/indicators/import_library_indicators.graphql");
const EXPORT: &str = include_str!("graphql/indicators/export_library_indicators.graphql");

/// One page of the library.
pub async fn list(filter: LibraryFilter, after: Option<String>) -> Result<Connection<LibraryIndicator>, ApiError> {
    let mut variables = serde_json::to_value(filter).unwrap_or_default();
    variables["first"] = json!(PAGE_SIZE);
    variables["after"] = json!(after);
    request(LIST, variables, "libraryIndicators").await
}

/// A unit proposes a 特性指标 for 入库.
pub async fn propose(input: shared::indicators::LibraryEntry) -> Result<LibraryIndicator, ApiError> {
    request(PROPOSE, json!({ "input": input }), "proposeIndicator").await
}

/// The 绩效股 adds an entry directly (已入库).
pub async fn create(input: shared::indicators::LibraryEntry) -> Result<LibraryIndicator, ApiError> {
    request(CREATE, json!({ "input": input }), "createLibraryIndicator").await
}

/// 入库 (`accept`) or 不予入库 with a reason.
pub async fn review(id: String, accept: bool, reason: Option<String>) -> Result<LibraryIndicator, ApiError> {
    request(REVIEW, json!({ "id": id, "accept": accept, "reason": reason }), "reviewIndicator").await
}

/// Imports an .xlsx (base64) in the export's format.
pub async fn import(file_base64: String) -> Result<ImportResult, ApiError> {
    request(IMPORT, json!({ "fileBase64": file_base64 }), "importLibraryIndicators").await
}

/// The library (of one field, or all) as a base64 .xlsx.
pub async fn export(field: Option<Field>) -> Result<String, ApiError> {
    request(EXPORT, json!({ "field": field }), "exportLibraryIndicators").await
}
