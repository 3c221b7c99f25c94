use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::EntityTrait;
use shared::monitoring::{
    DecisionKind, DeviationReason, ExecutionRuleKind, JobStatus, Light, Likelihood, QualitativeProgress,
};
use shared::organisations::OrgKind;

use super::decision;
use super::entity::{self as round, round_unit};
use super::import::{self, job};
use super::report::{self, indicator};
use super::service::{self, IndicatorEntry};
use super::stats::{self, Figures};
use crate::error::AppError;
use crate::graphql::{
    Money, ProjectReportConnection, RoundUnitConnection, db, page_complexity, parse_id, parse_opt_id, viewer,
};
use crate::indicators::graphql::ImportRowError;
use crate::organisations::graphql::{OrganisationObject, load_required};
use crate::pagination::PageRequest;
use crate::projects::graphql::{ProjectObject, load_project};
use crate::scope;
use shared::money::from_fen;

pub struct RoundObject(pub round::Model);

#[Object(name = "MonitoringRound")]
impl RoundObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn year_id(&self) -> ID {
        ID(self.0.year_id.to_string())
    }
    /// The checkpoint month: data as at the end of this month.
    async fn month(&self) -> i32 {
        self.0.month
    }
    async fn due_date(&self) -> &str {
        &self.0.due_date
    }
    async fn rule(&self) -> Option<ExecutionRuleKind> {
        ExecutionRuleKind::parse(&self.0.rule)
    }
    async fn open(&self) -> bool {
        self.0.status == "open"
    }
}

pub struct RoundUnitObject(pub round_unit::Model, pub round::Model);

#[Object(name = "RoundUnit")]
impl RoundUnitObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn unit(&self, ctx: &Context<'_>) -> Result<OrganisationObject> {
        load_required(ctx, self.0.unit_id).await
    }
    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at
    }
    async fn reviewed_at(&self) -> Option<DateTime<Utc>> {
        self.0.reviewed_at
    }
    async fn review_note(&self) -> &str {
        &self.0.review_note
    }
    /// Not submitted by the due date (逾期未报), or submitted after it.
    async fn late(&self) -> bool {
        service::is_late(&self.1, &self.0, Utc::now().date_naive())
    }
}

pub struct IndicatorReportObject(pub indicator::Model);

#[Object(name = "IndicatorReport")]
impl IndicatorReportObject {
    async fn position(&self) -> i32 {
        self.0.position
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn actual(&self) -> Option<&str> {
        self.0.actual.as_deref()
    }
    async fn qualitative(&self) -> Option<QualitativeProgress> {
        self.0.qualitative.as_deref().and_then(QualitativeProgress::parse)
    }
    async fn likelihood(&self) -> Option<Likelihood> {
        Likelihood::parse(&self.0.likelihood)
    }
    async fn forecast(&self) -> Option<&str> {
        self.0.forecast.as_deref()
    }
    async fn reasons(&self) -> Vec<DeviationReason> {
        self.0.reasons.split(',').filter_map(DeviationReason::parse).collect()
    }
    async fn measures(&self) -> &str {
        &self.0.measures
    }
    async fn light(&self) -> Option<Light> {
        Light::parse(&self.0.light)
    }
}

pub struct DecisionObject(pub decision::Model);

#[Object(name = "MonitoringDecision")]
impl DecisionObject {
    async fn kind(&self) -> Option<DecisionKind> {
        DecisionKind::parse(&self.0.kind)
    }
    async fn amount(&self) -> Option<Money> {
        self.0.amount_fen.map(|f| Money(from_fen(f)))
    }
    async fn note(&self) -> &str {
        &self.0.note
    }
    async fn decided_at(&self) -> DateTime<Utc> {
        self.0.decided_at
    }
}

/// A project's report, with its project and unit when the query that found
/// it fetched them already (the dashboard); otherwise they come by DataLoader.
pub struct ProjectReportObject(
    pub report::Model,
    pub Option<crate::projects::entity::Model>,
    pub Option<crate::organisations::entity::Model>,
);

impl ProjectReportObject {
    fn alone(r: report::Model) -> Self {
        ProjectReportObject(r, None, None)
    }
}

#[Object(name = "ProjectReport")]
impl ProjectReportObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn project(&self, ctx: &Context<'_>) -> Result<ProjectObject> {
        match &self.1 {
            Some(p) => Ok(ProjectObject(p.clone())),
            None => load_project(ctx, self.0.project_id).await,
        }
    }
    async fn unit(&self, ctx: &Context<'_>) -> Result<OrganisationObject> {
        match &self.2 {
            Some(u) => Ok(OrganisationObject(u.clone())),
            None => load_required(ctx, self.0.unit_id).await,
        }
    }
    async fn executed_amount(&self) -> Money {
        Money(from_fen(self.0.executed_fen))
    }
    /// 执行率, per cent with two places.
    async fn execution_rate(&self) -> &str {
        &self.0.execution_rate
    }
    async fn execution_light(&self) -> Option<Light> {
        Light::parse(&self.0.execution_light)
    }
    /// The project's light: the worst of execution and its indicators.
    async fn light(&self) -> Option<Light> {
        Light::parse(&self.0.light)
    }
    async fn indicators(&self, ctx: &Context<'_>) -> Result<Vec<IndicatorReportObject>> {
        Ok(service::indicator_reports(db(ctx), self.0.id).await?.into_iter().map(IndicatorReportObject).collect())
    }
    async fn decision(&self, ctx: &Context<'_>) -> Result<Option<DecisionObject>> {
        Ok(service::decision_for(db(ctx), self.0.round_id, self.0.project_id).await?.map(DecisionObject))
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(SimpleObject)]
pub struct UnitKindCount {
    unit_kind: OrgKind,
    monitored: i64,
    submitted: i64,
    late: i64,
}

#[derive(SimpleObject)]
pub struct LightCount {
    light: Light,
    projects: i64,
}

#[derive(SimpleObject)]
pub struct DecisionCount {
    kind: DecisionKind,
    projects: i64,
    amount: Money,
}

#[derive(SimpleObject)]
pub struct MonitoringStatistics {
    units: Vec<UnitKindCount>,
    late_units: Vec<String>,
    by_light: Vec<LightCount>,
    decisions: Vec<DecisionCount>,
}

impl From<Figures> for MonitoringStatistics {
    fn from(f: Figures) -> Self {
        MonitoringStatistics {
            units: f
                .units
                .into_iter()
                .map(|(unit_kind, monitored, submitted, late)| UnitKindCount { unit_kind, monitored, submitted, late })
                .collect(),
            late_units: f.late_units,
            by_light: f.by_light.into_iter().map(|(light, projects)| LightCount { light, projects }).collect(),
            decisions: f
                .decisions
                .into_iter()
                .map(|(kind, projects, amount)| DecisionCount { kind, projects, amount: Money(amount) })
                .collect(),
        }
    }
}

#[derive(SimpleObject)]
pub struct UnitLights {
    unit: OrganisationObject,
    blue: i64,
    green: i64,
    yellow: i64,
    red: i64,
}

pub struct ImportJobObject(pub job::Model);

#[Object(name = "ImportJob")]
impl ImportJobObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status(&self) -> Option<JobStatus> {
        JobStatus::parse(&self.0.status)
    }
    async fn total(&self) -> i32 {
        self.0.total
    }
    async fn processed(&self) -> i32 {
        self.0.processed
    }
    /// Rows applied (all of them, or none when there are errors).
    async fn applied(&self) -> i32 {
        self.0.applied
    }
    async fn errors(&self) -> Vec<ImportRowError> {
        import::errors(&self.0)
            .into_iter()
            .map(|e| ImportRowError { row: u32::try_from(e.row).unwrap_or(0), column: e.column, message: e.message })
            .collect()
    }
}

#[derive(InputObject)]
pub struct IndicatorReportInput {
    /// 0-based index of the indicator in the approved target.
    pub position: i32,
    /// Decimal string: actual to date (quantitative indicators).
    pub actual: Option<String>,
    pub qualitative: Option<QualitativeProgress>,
    pub likelihood: Likelihood,
    /// Decimal string: full-year forecast (required unless CERTAIN).
    pub forecast: Option<String>,
    pub reasons: Vec<DeviationReason>,
    pub measures: String,
}

fn decimal(s: Option<&str>, field: &'static str) -> Result<Option<Decimal>, AppError> {
    s.map(|v| v.trim().parse::<Decimal>().map_err(|_| AppError::bad_field(field, "须为数字"))).transpose()
}

#[derive(Default)]
pub struct MonitoringQuery;

#[Object]
impl MonitoringQuery {
    /// The monitoring rounds of a year the caller takes part in.
    async fn monitoring_rounds(&self, ctx: &Context<'_>, year_id: ID) -> Result<Vec<RoundObject>> {
        Ok(service::list(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?)
            .await?
            .into_iter()
            .map(RoundObject)
            .collect())
    }

    /// One round, if the caller takes part in it.
    async fn monitoring_round(&self, ctx: &Context<'_>, id: ID) -> Result<RoundObject> {
        Ok(RoundObject(service::get(db(ctx), viewer(ctx)?, parse_id(&id, "监控任务")?).await?))
    }

    /// The units of a round in the caller's scope, with their submission state.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn round_units(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<RoundUnitConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let id = parse_id(&round_id, "监控任务")?;
        let r = service::get(db(ctx), viewer(ctx)?, id).await?;
        let rows = service::units(db(ctx), viewer(ctx)?, id, page).await?;
        Ok(RoundUnitConnection::from_page(rows, |u| u.id, |u| RoundUnitObject(u, r.clone())))
    }

    /// The round dashboard's rows: project reports, filtered by light and unit.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn round_reports(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        light: Option<Light>,
        unit_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ProjectReportConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 20)?;
        let unit = parse_opt_id(unit_id.as_ref(), "单位")?;
        let rows = service::reports(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?, light, unit, page).await?;
        Ok(ProjectReportConnection::from_page(
            rows,
            |r| r.report.id,
            |r| ProjectReportObject(r.report, r.project, r.unit),
        ))
    }

    /// Units × lights of a round (the dashboard's grid), in the caller's scope.
    async fn round_unit_lights(&self, ctx: &Context<'_>, round_id: ID) -> Result<Vec<UnitLights>> {
        let v = viewer(ctx)?;
        let id = parse_id(&round_id, "监控任务")?;
        service::get(db(ctx), v, id).await?;
        let rows = stats::unit_lights(db(ctx), id, scope::units_condition(v, super::report::Column::UnitId)).await?;
        let mut units: Vec<i64> = rows.iter().map(|r| r.0).collect();
        units.dedup();
        let mut out = Vec::new();
        for unit in units {
            let n = |l: Light| rows.iter().filter(|r| r.0 == unit && r.1 == l.as_str()).map(|r| r.2).sum();
            out.push(UnitLights {
                unit: load_required(ctx, unit).await?,
                blue: n(Light::Blue),
                green: n(Light::Green),
                yellow: n(Light::Yellow),
                red: n(Light::Red),
            });
        }
        Ok(out)
    }

    /// A project's report in a round, if any.
    async fn project_report(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        project_id: ID,
    ) -> Result<Option<ProjectReportObject>> {
        let r = service::report_for(
            db(ctx),
            viewer(ctx)?,
            parse_id(&round_id, "监控任务")?,
            parse_id(&project_id, "项目")?,
        )
        .await?;
        Ok(r.map(ProjectReportObject::alone))
    }

    /// A round's figures (绩效股, leadership).
    async fn round_statistics(&self, ctx: &Context<'_>, round_id: ID) -> Result<MonitoringStatistics> {
        let v = viewer(ctx)?;
        let r = service::get(db(ctx), v, parse_id(&round_id, "监控任务")?).await?;
        Ok(stats::figures(db(ctx), v, &[r]).await?.into())
    }

    /// A year's monitoring figures over all its rounds (绩效股, leadership).
    async fn monitoring_statistics(&self, ctx: &Context<'_>, year_id: ID) -> Result<MonitoringStatistics> {
        let v = viewer(ctx)?;
        let rounds = service::list(db(ctx), v, parse_id(&year_id, "预算年度")?).await?;
        Ok(stats::figures(db(ctx), v, &rounds).await?.into())
    }

    /// The execution-data template of a round, as base64 .xlsx.
    async fn monitoring_template(&self, ctx: &Context<'_>, round_id: ID) -> Result<String> {
        let bytes = import::template(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?).await?;
        Ok(STANDARD.encode(bytes))
    }

    /// An import's progress and result.
    async fn import_job(&self, ctx: &Context<'_>, id: ID) -> Result<ImportJobObject> {
        Ok(ImportJobObject(import::job(db(ctx), viewer(ctx)?, parse_id(&id, "导入任务")?).await?))
    }
}

#[derive(Default)]
pub struct MonitoringMutation;

#[Object]
impl MonitoringMutation {
    /// The 绩效股 opens a round at a checkpoint month, for all units or a selection.
    async fn open_monitoring_round(
        &self,
        ctx: &Context<'_>,
        year_id: ID,
        month: i32,
        due_date: String,
        rule: Option<ExecutionRuleKind>,
        unit_ids: Option<Vec<ID>>,
    ) -> Result<RoundObject> {
        let units =
            unit_ids.map(|ids| ids.iter().map(|id| parse_id(id, "单位")).collect::<Result<Vec<_>, _>>()).transpose()?;
        let r = service::open(
            db(ctx),
            viewer(ctx)?,
            parse_id(&year_id, "预算年度")?,
            month,
            &due_date,
            rule.unwrap_or(ExecutionRuleKind::Ratio),
            units,
        )
        .await?;
        Ok(RoundObject(r))
    }

    /// The unit reports a project: executed amount and every indicator's progress.
    async fn submit_project_report(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        project_id: ID,
        executed_amount: Money,
        indicators: Vec<IndicatorReportInput>,
    ) -> Result<ProjectReportObject> {
        let mut entries = Vec::with_capacity(indicators.len());
        for i in indicators {
            entries.push(IndicatorEntry {
                position: i.position,
                actual: decimal(i.actual.as_deref(), "actual")?,
                qualitative: i.qualitative,
                likelihood: i.likelihood,
                forecast: decimal(i.forecast.as_deref(), "forecast")?,
                reasons: i.reasons,
                measures: i.measures,
            });
        }
        let r = service::submit_report(
            db(ctx),
            viewer(ctx)?,
            parse_id(&round_id, "监控任务")?,
            parse_id(&project_id, "项目")?,
            executed_amount.0,
            entries,
        )
        .await?;
        Ok(ProjectReportObject::alone(r))
    }

    /// A unit declares its round report complete (its own, or a sub-unit's with `unitId`).
    async fn submit_round_report(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        unit_id: Option<ID>,
    ) -> Result<RoundUnitObject> {
        let id = parse_id(&round_id, "监控任务")?;
        let unit = parse_opt_id(unit_id.as_ref(), "单位")?;
        let ru = service::submit_unit(db(ctx), viewer(ctx)?, id, unit).await?;
        let r = round::Entity::find_by_id(id)
            .one(db(ctx))
            .await
            .map_err(AppError::from)?
            .ok_or(AppError::NotFound("监控任务"))?;
        Ok(RoundUnitObject(ru, r))
    }

    /// The 绩效股 closes a round.
    async fn close_monitoring_round(&self, ctx: &Context<'_>, id: ID) -> Result<RoundObject> {
        Ok(RoundObject(service::close(db(ctx), viewer(ctx)?, parse_id(&id, "监控任务")?).await?))
    }

    /// The business section (or the 绩效股) reviews a unit's report.
    async fn review_round_report(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        unit_id: ID,
        note: String,
    ) -> Result<RoundUnitObject> {
        let id = parse_id(&round_id, "监控任务")?;
        let ru = service::review_unit(db(ctx), viewer(ctx)?, id, parse_id(&unit_id, "单位")?, note).await?;
        let r = round::Entity::find_by_id(id)
            .one(db(ctx))
            .await
            .map_err(AppError::from)?
            .ok_or(AppError::NotFound("监控任务"))?;
        Ok(RoundUnitObject(ru, r))
    }

    /// The 绩效股 decides: continue, 调减, 收回 or 暂缓拨款 (money decisions write the ledger).
    async fn decide_project(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        project_id: ID,
        kind: DecisionKind,
        amount: Option<Money>,
        note: Option<String>,
    ) -> Result<DecisionObject> {
        let d = service::decide(
            db(ctx),
            viewer(ctx)?,
            parse_id(&round_id, "监控任务")?,
            parse_id(&project_id, "项目")?,
            kind,
            amount.map(|m| m.0),
            note.unwrap_or_default(),
        )
        .await?;
        Ok(DecisionObject(d))
    }

    /// Uploads executed amounts (.xlsx, base64); runs in the background — poll `importJob`.
    async fn import_execution(&self, ctx: &Context<'_>, round_id: ID, file_base64: String) -> Result<ImportJobObject> {
        let bytes =
            STANDARD.decode(file_base64.trim()).map_err(|_| AppError::bad_field("fileBase64", "文件编码无效"))?;
        Ok(ImportJobObject(import::start(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?, bytes).await?))
    }
}
