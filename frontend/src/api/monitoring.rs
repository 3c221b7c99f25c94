//! 绩效运行监控 ("双监控"): rounds at a checkpoint month, the units' reports
//! of budget execution and target progress with their lights, the Excel
//! import of executed amounts, decisions, and the figures of a round or a year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use shared::monitoring::{
    DecisionKind, DeviationReason, ExecutionRuleKind, JobStatus, Light, LightRules, Likelihood, QualitativeProgress,
};
use shared::organisations::OrgKind;
use shared::reviews::TargetState;
use shared::targets::TargetIndicator;

use super::client::{ApiError, request};
use super::connection::Connection;
use super::indicators::ImportRowError;
use super::organisations::OrgSummary;
use super::projects::{self, Project, ProjectFilter};
use super::years;

/// Rows per page of a round's reports (the API allows up to 100).
pub const REPORTS_PAGE: u32 = 20;
/// Rows per page of a round's units.
pub const UNITS_PAGE: u32 = 50;

/// A monitoring round (监控任务) at a checkpoint month.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Round {
    pub id: String,
    pub year_id: String,
    /// The checkpoint: data as at the end of this month.
    pub month: i32,
    /// `YYYY-MM-DD`.
    pub due_date: String,
    pub rule: Option<ExecutionRuleKind>,
    pub open: bool,
    /// The light numbers the round was opened with.
    pub light_rules: LightRules,
}

impl Round {
    /// The month as the light rules take it (as the server does: 12 if out of range).
    pub fn checkpoint(&self) -> u32 {
        u32::try_from(self.month).unwrap_or(12)
    }

    /// The rule the round's lights follow (序时进度比 unless stated).
    pub fn rule_kind(&self) -> ExecutionRuleKind {
        self.rule.unwrap_or(ExecutionRuleKind::Ratio)
    }

    /// The light rules the server applies to this round (kept from its opening).
    pub fn light_rules(&self) -> LightRules {
        self.light_rules.clone()
    }
}

/// A unit of a round and where its report stands.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoundUnit {
    pub id: String,
    pub unit: OrgSummary,
    pub submitted_at: Option<String>,
    pub reviewed_at: Option<String>,
    pub review_note: String,
    /// 逾期: not submitted by the due date, or submitted after it.
    pub late: bool,
}

/// What a unit reported of one indicator, with the light the server computed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct IndicatorReport {
    pub position: i64,
    pub name: String,
    pub actual: Option<Decimal>,
    pub qualitative: Option<QualitativeProgress>,
    pub likelihood: Option<Likelihood>,
    pub forecast: Option<Decimal>,
    pub reasons: Vec<DeviationReason>,
    pub measures: String,
    pub light: Option<Light>,
}

/// The 绩效股's decision on a project after monitoring.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub kind: Option<DecisionKind>,
    pub amount: Option<Decimal>,
    pub note: String,
    pub decided_at: String,
}

/// A project's report in a round.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectReport {
    pub id: String,
    pub project: Project,
    pub unit: OrgSummary,
    pub executed_amount: Decimal,
    /// 执行率, per cent with two places.
    pub execution_rate: Decimal,
    pub execution_light: Option<Light>,
    /// The worst of execution and the indicators.
    pub light: Option<Light>,
    pub indicators: Vec<IndicatorReport>,
    pub decision: Option<Decision>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitKindCount {
    pub unit_kind: OrgKind,
    pub monitored: i64,
    pub submitted: i64,
    pub late: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LightCount {
    pub light: Light,
    pub projects: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DecisionCount {
    pub kind: DecisionKind,
    pub projects: i64,
    pub amount: Decimal,
}

/// The figures of a round, or of every round of a year.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statistics {
    pub units: Vec<UnitKindCount>,
    pub late_units: Vec<String>,
    pub by_light: Vec<LightCount>,
    pub decisions: Vec<DecisionCount>,
}

/// One row of the units × lights grid.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct UnitLights {
    pub unit: OrgSummary,
    pub blue: i64,
    pub green: i64,
    pub yellow: i64,
    pub red: i64,
}

/// A background import of executed amounts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ImportJob {
    pub id: String,
    pub status: Option<JobStatus>,
    pub total: i64,
    pub processed: i64,
    /// Rows applied: all of them, or none when there are errors.
    pub applied: i64,
    pub errors: Vec<ImportRowError>,
}

/// `IndicatorReportInput`: numbers travel as decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorReportInput {
    /// 0-based index of the indicator in the approved target.
    pub position: usize,
    pub actual: Option<String>,
    pub qualitative: Option<QualitativeProgress>,
    pub likelihood: Likelihood,
    pub forecast: Option<String>,
    pub reasons: Vec<DeviationReason>,
    pub measures: String,
}

/// The target of a project as the monitoring form needs it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TargetBrief {
    pub state: TargetState,
    pub indicators: Vec<TargetIndicator>,
}

const ROUNDS: &str = include_str!("graphql/monitoring/monitoring_rounds.graphql");
const UNITS: &str = include_str!("graphql/monitoring/round_units.graphql");
const REPORTS: &str = include_str!("graphql/monitoring/round_reports.graphql");
const UNIT_LIGHTS: &str = include_str!("graphql/monitoring/round_unit_lights.graphql");
const REPORT: &str = include_str!("graphql/monitoring/project_report.graphql");
const ROUND_STATISTICS: &str = include_str!("graphql/monitoring/round_statistics.graphql");
const YEAR_STATISTICS: &str = include_str!("graphql/monitoring/monitoring_statistics.graphql");
const TEMPLATE: &str = include_str!("graphql/monitoring/monitoring_template.graphql");
const JOB: &str = include_str!("graphql/monitoring/import_job.graphql");
const TARGET: &str = include_str!("graphql/monitoring/monitoring_target.graphql");
const OPEN: &str = include_str!("graphql/monitoring/open_monitoring_round.graphql");
const SUBMIT_REPORT: &str = include_str!("graphql/monitoring/submit_project_report.graphql");
const SUBMIT_ROUND: &str = include_str!("graphql/monitoring/submit_round_report.graphql");
const REVIEW: &str = include_str!("graphql/monitoring/review_round_report.graphql");
const DECIDE: &str = include_str!("graphql/monitoring/decide_project.graphql");
const IMPORT: &str = include_str!("graphql/monitoring/import_execution.graphql");

/// The rounds of a year the caller takes part in, by month.
pub async fn rounds(year_id: String) -> Result<Vec<Round>, ApiError> {
    request(ROUNDS, json!({ "yearId": year_id }), "monitoringRounds").await
}

/// A round by id: looked for in the year `hint` first, then in every year.
/// `None` if it does not exist or the caller takes no part in it.
pub async fn find_round(round_id: String, hint: Option<String>) -> Result<Option<Round>, ApiError> {
    if let Some(year) = hint.clone()
        && let Some(round) = rounds(year).await?.into_iter().find(|r| r.id == round_id)
    {
        return Ok(Some(round));
    }
    for year in years::list().await? {
        if Some(&year.id) == hint.as_ref() {
            continue;
        }
        if let Some(round) = rounds(year.id).await?.into_iter().find(|r| r.id == round_id) {
            return Ok(Some(round));
        }
    }
    Ok(None)
}

/// One page of a round's units in the caller's scope.
pub async fn units(round_id: String, after: Option<String>) -> Result<Connection<RoundUnit>, ApiError> {
    request(UNITS, json!({ "roundId": round_id, "first": UNITS_PAGE, "after": after }), "roundUnits").await
}

/// Every unit of a round in the caller's scope (all pages).
pub async fn units_all(round_id: String) -> Result<Vec<RoundUnit>, ApiError> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = units(round_id.clone(), after).await?;
        after = page.next_cursor();
        all.extend(page.into_nodes());
        if after.is_none() {
            return Ok(all);
        }
    }
}

/// One page of a round's project reports, filtered by light and unit.
pub async fn reports(
    round_id: String,
    light: Option<Light>,
    unit_id: Option<String>,
    after: Option<String>,
) -> Result<Connection<ProjectReport>, ApiError> {
    let variables =
        json!({ "roundId": round_id, "light": light, "unitId": unit_id, "first": REPORTS_PAGE, "after": after });
    request(REPORTS, variables, "roundReports").await
}

/// Units × lights of a round, in the caller's scope.
pub async fn unit_lights(round_id: String) -> Result<Vec<UnitLights>, ApiError> {
    request(UNIT_LIGHTS, json!({ "roundId": round_id }), "roundUnitLights").await
}

/// A project's report in a round, `None` if not reported yet.
pub async fn report(round_id: String, project_id: String) -> Result<Option<ProjectReport>, ApiError> {
    request(REPORT, json!({ "roundId": round_id, "projectId": project_id }), "projectReport").await
}

/// A round's figures (绩效股, leadership).
pub async fn round_statistics(round_id: String) -> Result<Statistics, ApiError> {
    request(ROUND_STATISTICS, json!({ "roundId": round_id }), "roundStatistics").await
}

/// A year's figures over all its rounds (绩效股, leadership).
pub async fn year_statistics(year_id: String) -> Result<Statistics, ApiError> {
    request(YEAR_STATISTICS, json!({ "yearId": year_id }), "monitoringStatistics").await
}

/// The round's execution-data template, base64 .xlsx.
pub async fn template(round_id: String) -> Result<String, ApiError> {
    request(TEMPLATE, json!({ "roundId": round_id }), "monitoringTemplate").await
}

/// An import's progress and result.
pub async fn import_job(id: String) -> Result<ImportJob, ApiError> {
    request(JOB, json!({ "id": id }), "importJob").await
}

/// The target of a project (`None` if the unit has not started one).
pub async fn target(project_id: String) -> Result<Option<TargetBrief>, ApiError> {
    request(TARGET, json!({ "projectId": project_id }), "target").await
}

/// The approved projects (批复) of a year in the caller's scope, all pages.
pub async fn approved_projects(year_id: String) -> Result<Vec<Project>, ApiError> {
    let filter = ProjectFilter { year_id: Some(year_id), ..ProjectFilter::default() };
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = projects::list(filter.clone(), after).await?;
        after = page.next_cursor();
        all.extend(page.into_nodes().into_iter().filter(|p| p.approved_amount.is_some()));
        if after.is_none() {
            return Ok(all);
        }
    }
}

/// The 绩效股 opens a round for all units (`unit_ids: None`) or a selection.
pub async fn open_round(
    year_id: String,
    month: u32,
    due_date: String,
    rule: ExecutionRuleKind,
    unit_ids: Option<Vec<String>>,
) -> Result<Round, ApiError> {
    let variables =
        json!({ "yearId": year_id, "month": month, "dueDate": due_date, "rule": rule, "unitIds": unit_ids });
    request(OPEN, variables, "openMonitoringRound").await
}

/// The unit reports a project; the server computes the lights.
pub async fn submit_report(
    round_id: String,
    project_id: String,
    executed_amount: String,
    indicators: Vec<IndicatorReportInput>,
) -> Result<ProjectReport, ApiError> {
    let variables = json!({
        "roundId": round_id, "projectId": project_id, "executedAmount": executed_amount, "indicators": indicators
    });
    request(SUBMIT_REPORT, variables, "submitProjectReport").await
}

/// The unit declares its report for the round complete.
pub async fn submit_round(round_id: String) -> Result<RoundUnit, ApiError> {
    request(SUBMIT_ROUND, json!({ "roundId": round_id }), "submitRoundReport").await
}

/// The business section (or the 绩效股) reviews a unit's report.
pub async fn review(round_id: String, unit_id: String, note: String) -> Result<RoundUnit, ApiError> {
    request(REVIEW, json!({ "roundId": round_id, "unitId": unit_id, "note": note }), "reviewRoundReport").await
}

/// The 绩效股 decides on a project (money decisions write the ledger).
pub async fn decide(
    round_id: String,
    project_id: String,
    kind: DecisionKind,
    amount: Option<String>,
    note: String,
) -> Result<Decision, ApiError> {
    let variables =
        json!({ "roundId": round_id, "projectId": project_id, "kind": kind, "amount": amount, "note": note });
    request(DECIDE, variables, "decideProject").await
}

/// Starts an import of executed amounts (.xlsx as base64); poll [`import_job`].
pub async fn import_execution(round_id: String, file_base64: String) -> Result<ImportJob, ApiError> {
    request(IMPORT, json!({ "roundId": round_id, "fileBase64": file_base64 }), "importExecution").await
}
