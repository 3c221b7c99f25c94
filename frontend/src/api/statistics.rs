//! The figures of the annual report on ex-ante assessment and target review
//! (事前评估 8 个, 目标退回率 40%, 调整 18 个项目 210.66 万元 …), computed.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::json;
use shared::ex_ante::Conclusion;
use shared::organisations::OrgKind;
use shared::reviews::ReviewStep;

use super::client::{ApiError, request};
use super::years::FiscalYear;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConclusionCount {
    pub conclusion: Conclusion,
    pub count: i64,
    pub requested: Decimal,
    pub cut: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StepCount {
    pub step: ReviewStep,
    pub passed: i64,
    pub returned: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitKindTargetCount {
    pub unit_kind: OrgKind,
    pub reviewed: i64,
    pub returned: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetStatistics {
    pub year: FiscalYear,
    pub assessed: i64,
    pub assessed_by_conclusion: Vec<ConclusionCount>,
    pub targets_reviewed: i64,
    pub targets_returned: i64,
    /// Per cent with two places ("40.00").
    pub returned_share: Decimal,
    pub projects_adjusted: i64,
    pub adjusted_amount: Decimal,
    pub by_step: Vec<StepCount>,
    pub by_unit_kind: Vec<UnitKindTargetCount>,
}

const STATISTICS: &str = include_str!("graphql/statistics/target_statistics.graphql");

pub async fn targets(year_id: String) -> Result<TargetStatistics, ApiError> {
    request(STATISTICS, json!({ "yearId": year_id }), "targetStatistics").await
}
