use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use shared::money::from_fen;
use shared::monitoring::{DeviationReason, Light, Likelihood, QualitativeProgress};

use super::entity as report;
use super::indicator;
use super::loader::{ReportLoaders, internal};
use super::service::{self, IndicatorEntry};
use crate::error::AppError;
use crate::graphql::{Money, ProjectReportConnection, db, page_complexity, parse_id, parse_opt_id, viewer};
use crate::monitoring::decisions::graphql::DecisionObject;
use crate::monitoring::statistics::service as statistics;
use crate::organisations::graphql::{OrganisationObject, load_required};
use crate::pagination::PageRequest;
use crate::projects::graphql::{ProjectObject, load_project};

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

/// A project's report, with its project when the query that found it joined
/// it already (the dashboard); everything else comes by DataLoader.
pub struct ProjectReportObject(pub report::Model, pub Option<crate::projects::entity::Model>);

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
        load_required(ctx, self.0.unit_id).await
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
        let rows = ctx.data_unchecked::<ReportLoaders>().indicators.load_one(self.0.id).await.map_err(internal)?;
        Ok(rows.unwrap_or_default().into_iter().map(IndicatorReportObject).collect())
    }
    async fn decision(&self, ctx: &Context<'_>) -> Result<Option<DecisionObject>> {
        let key = (self.0.round_id, self.0.project_id);
        let found = ctx.data_unchecked::<ReportLoaders>().decisions.load_one(key).await.map_err(internal)?;
        Ok(found.map(DecisionObject))
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
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
    s.map(|v| shared::limits::parse_decimal(v).ok_or_else(|| AppError::bad_field(field, "须为数字"))).transpose()
}

#[derive(Default)]
pub struct ReportQuery;

#[Object]
impl ReportQuery {
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
        Ok(ProjectReportConnection::from_page(rows, |r| r.report.id, |r| ProjectReportObject(r.report, r.project)))
    }

    /// Units × lights of a round (the dashboard's grid), in the caller's scope.
    async fn round_unit_lights(&self, ctx: &Context<'_>, round_id: ID) -> Result<Vec<UnitLights>> {
        let rows = statistics::unit_lights(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?).await?;
        Ok(rows
            .into_iter()
            .map(|(unit, [blue, green, yellow, red])| UnitLights {
                unit: OrganisationObject(unit),
                blue,
                green,
                yellow,
                red,
            })
            .collect())
    }

    /// A project's report in a round, if any.
    async fn project_report(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        project_id: ID,
    ) -> Result<Option<ProjectReportObject>> {
        let (round, project) = (parse_id(&round_id, "监控任务")?, parse_id(&project_id, "项目")?);
        let r = service::report_for(db(ctx), viewer(ctx)?, round, project).await?;
        Ok(r.map(|r| ProjectReportObject(r, None)))
    }
}

#[derive(Default)]
pub struct ReportMutation;

#[Object]
impl ReportMutation {
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
        Ok(ProjectReportObject(r, None))
    }
}
