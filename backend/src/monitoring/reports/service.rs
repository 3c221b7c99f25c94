//! Reading and submitting project reports.

use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use shared::limits::NumberKind;
use shared::monitoring::{DeviationReason, Light, Likelihood, QualitativeProgress};
use shared::permissions::Capability;

use super::entity as report;
use super::indicator;
use super::write::write_report;
use crate::error::{AppError, AppResult};
use crate::input;
use crate::monitoring::rounds::{entity as round, service as rounds, unit as round_unit};
use crate::pagination::{Page, PageRequest};
use crate::projects::{entity as project, service as projects};
use crate::scope;
use crate::viewer::Viewer;

/// One indicator as the unit reports it.
pub struct IndicatorEntry {
    pub position: i32,
    pub actual: Option<Decimal>,
    pub qualitative: Option<QualitativeProgress>,
    pub likelihood: Likelihood,
    pub forecast: Option<Decimal>,
    pub reasons: Vec<DeviationReason>,
    pub measures: String,
}

/// The round and project a unit reports on, checked for scope and state.
async fn reportable(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
    project_id: i64,
) -> AppResult<(round::Model, project::Model)> {
    let r = rounds::get(db, viewer, round_id).await?;
    let p = projects::get(db, viewer, project_id).await?;
    if p.year_id != r.year_id || p.approved_fen.is_none() {
        return Err(AppError::bad_field("projectId", "只能填报本年度已批复的项目"));
    }
    let covered = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(round_id))
        .filter(round_unit::Column::UnitId.eq(p.unit_id))
        .one(db)
        .await?;
    if covered.is_none() {
        return Err(AppError::bad_field("projectId", "该项目所属单位不在本次监控范围内"));
    }
    rounds::ensure_open(&r)?;
    Ok((r, p))
}

/// The unit reports a project: executed amount and each indicator's progress.
pub async fn submit_report<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    project_id: i64,
    executed: Decimal,
    entries: Vec<IndicatorEntry>,
) -> AppResult<report::Model> {
    viewer.require(Capability::EditTargets)?;
    let entries = check_entries(entries)?;
    let txn = crate::tx::begin(db).await?;
    let (r, p) = reportable(&txn, viewer, round_id, project_id).await?;
    let saved = write_report(&txn, viewer, &r, &p, executed, Some(entries)).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Every number in its range, texts without control characters, each
/// indicator and each deviation reason once.
fn check_entries(entries: Vec<IndicatorEntry>) -> AppResult<Vec<IndicatorEntry>> {
    let positions: Vec<i32> = entries.iter().map(|e| e.position).collect();
    input::distinct("indicators", &positions)?;
    entries
        .into_iter()
        .map(|mut e| {
            let value = |v: Option<Decimal>, field, label| {
                v.map(|v| input::number(field, label, NumberKind::IndicatorValue, v)).transpose()
            };
            e.actual = value(e.actual, "actual", "截至目前完成值")?;
            e.forecast = value(e.forecast, "forecast", "全年预计完成值")?;
            let reasons: Vec<&str> = e.reasons.iter().map(|r| r.as_str()).collect();
            input::distinct("reasons", &reasons)?;
            e.measures = input::multiline("measures", "纠偏措施", &e.measures, shared::text::LONG_TEXT_MAX)?;
            Ok(e)
        })
        .collect()
}

/// A dashboard row: the report with its project, fetched together.
pub struct ReportRow {
    pub report: report::Model,
    pub project: Option<project::Model>,
}

/// The dashboard's rows: reports of a round in scope, filtered by light and
/// unit. Projects come joined into the page query: a page costs two queries
/// (count, page) whatever its size; units, indicators and decisions come by
/// DataLoader, one query each for the whole page.
pub async fn reports(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
    light: Option<Light>,
    unit_id: Option<i64>,
    page: PageRequest,
) -> AppResult<Page<ReportRow>> {
    rounds::get(db, viewer, round_id).await?;
    let mut select = report::Entity::find()
        .filter(report::Column::RoundId.eq(round_id))
        .filter(scope::units_condition(viewer, report::Column::UnitId));
    if let Some(l) = light {
        select = select.filter(report::Column::Light.eq(l.as_str()));
    }
    if let Some(u) = unit_id {
        select = select.filter(report::Column::UnitId.eq(u));
    }
    let total = select.clone().count(db).await?;
    let mut query = select.order_by_asc(report::Column::Id).limit(page.first + 1);
    if let Some(after) = page.after {
        query = query.filter(report::Column::Id.gt(after));
    }
    let mut rows = query.find_also_related(project::Entity).all(db).await?;
    let has_next = rows.len() as u64 > page.first;
    rows.truncate(usize::try_from(page.first).unwrap_or(usize::MAX));
    let rows = rows.into_iter().map(|(report, project)| ReportRow { report, project }).collect();
    Ok(Page { rows, has_next, total })
}

/// A project's report in a round, if any.
pub async fn report_for(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
    project_id: i64,
) -> AppResult<Option<report::Model>> {
    rounds::get(db, viewer, round_id).await?;
    projects::get(db, viewer, project_id).await?;
    Ok(report::Entity::find()
        .filter(report::Column::RoundId.eq(round_id))
        .filter(report::Column::ProjectId.eq(project_id))
        .one(db)
        .await?)
}

/// The indicator reports of several project reports (one query), in
/// position order; the reports were checked for scope by whoever found them.
pub async fn indicators_of(
    db: &impl ConnectionTrait,
    reports: impl IntoIterator<Item = i64>,
) -> AppResult<Vec<indicator::Model>> {
    Ok(indicator::Entity::find()
        .filter(indicator::Column::ProjectReportId.is_in(reports))
        .order_by_asc(indicator::Column::ProjectReportId)
        .order_by_asc(indicator::Column::Position)
        .all(db)
        .await?)
}
