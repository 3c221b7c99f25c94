//! The result-application ledger (结果应用台账): every money consequence of
//! every stage, and its sums.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::json;
use shared::ledger::{LedgerKind, LedgerSource};

use super::client::{ApiError, request};
use super::connection::Connection;
use super::projects::Project;

/// Rows per page of the ledger.
pub const PAGE_SIZE: u32 = 20;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerEntry {
    pub id: String,
    pub project: Project,
    pub source: LedgerSource,
    pub kind: LedgerKind,
    pub amount: Decimal,
    pub decision: String,
    pub decided_at: String,
    pub decided_by: String,
}

/// One group of a summary; `key` is the enum value (source, kind, unit kind or budget type).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LedgerSum {
    pub key: String,
    pub count: i64,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerSummary {
    pub total: Decimal,
    pub count: i64,
    pub by_source: Vec<LedgerSum>,
    pub by_kind: Vec<LedgerSum>,
    pub by_unit_kind: Vec<LedgerSum>,
    pub by_budget_type: Vec<LedgerSum>,
}

const ENTRIES: &str = include_str!("graphql/ledger/ledger_entries.graphql");
const SUMMARY: &str = include_str!("graphql/ledger/ledger_summary.graphql");

/// One page of the entries of a year (of a source), row-scoped.
pub async fn entries(
    year_id: String,
    source: Option<LedgerSource>,
    after: Option<String>,
) -> Result<Connection<LedgerEntry>, ApiError> {
    let variables = json!({ "yearId": year_id, "source": source, "first": PAGE_SIZE, "after": after });
    request(ENTRIES, variables, "ledgerEntries").await
}

/// The year's sums (绩效股, leadership).
pub async fn summary(year_id: String) -> Result<LedgerSummary, ApiError> {
    request(SUMMARY, json!({ "yearId": year_id }), "ledgerSummary").await
}
