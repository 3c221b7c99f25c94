use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionSession, TransactionTrait,
};
use shared::indicators::Comparator;
use shared::ledger::LedgerSource;
use shared::money::{check_yuan, from_fen, to_fen};
use shared::monitoring::{
    DecisionKind, DeviationReason, ExecutionRuleKind, Light, LightRules, Likelihood, Progress, QualitativeProgress,
    check_indicator_report, completion_rate, execution_light, execution_rate, gap_warning, indicator_light, worst,
};
use shared::organisations::OrgKind;
use shared::permissions::Capability;
use shared::reviews::TargetState;

use super::decision;
use super::entity::{self as round, round_unit};
use super::report::{self, indicator};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::ledger::service as ledger;
use crate::organisations::entity as organisation;
use crate::pagination::{self, Page, PageRequest};
use crate::projects::{entity as project, service as projects};
use crate::scope;
use crate::targets::{entity as target, service as targets};
use crate::viewer::Viewer;
use crate::years::service as years;

pub fn rules_of(r: &round::Model) -> LightRules {
    match ExecutionRuleKind::parse(&r.rule) {
        Some(ExecutionRuleKind::FixedFloors) => LightRules::sichuan(),
        _ => LightRules::default(),
    }
}

pub fn month(r: &round::Model) -> u32 {
    u32::try_from(r.month).unwrap_or(12)
}

/// A round the viewer may see: the 绩效股 and leadership see every round;
/// a unit or section sees the rounds covering a unit in its scope.
pub async fn get(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> AppResult<round::Model> {
    viewer.require(Capability::ReadProjects)?;
    let r = round::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("监控任务"))?;
    if viewer.unit_scope() == shared::permissions::Scope::County {
        return Ok(r);
    }
    let covered = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(id))
        .filter(scope::units_condition(viewer, round_unit::Column::UnitId))
        .one(db)
        .await?
        .is_some();
    if covered { Ok(r) } else { Err(AppError::NotFound("监控任务")) }
}

pub async fn list(db: &impl ConnectionTrait, viewer: &Viewer, year_id: i64) -> AppResult<Vec<round::Model>> {
    viewer.require(Capability::ReadProjects)?;
    let rounds = round::Entity::find()
        .filter(round::Column::YearId.eq(year_id))
        .order_by_asc(round::Column::Month)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for r in rounds {
        if get(db, viewer, r.id).await.is_ok() {
            out.push(r);
        }
    }
    Ok(out)
}

/// The 绩效股 opens a round at a checkpoint month for all units or a selection.
pub async fn open<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    year_id: i64,
    month: i32,
    due_date: &str,
    rule: ExecutionRuleKind,
    units: Option<Vec<i64>>,
) -> AppResult<round::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    if !(1..=12).contains(&month) {
        return Err(AppError::bad_field("month", "监控节点月份须在 1 到 12 之间"));
    }
    let due = NaiveDate::parse_from_str(due_date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::bad_field("dueDate", "截止日期格式应为 YYYY-MM-DD"))?;
    let txn = crate::tx::begin(db).await?;
    let year = years::ensure_writable(&txn, year_id).await?;
    if round::Entity::find()
        .filter(round::Column::YearId.eq(year_id))
        .filter(round::Column::Month.eq(month))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(format!("{} 年 {month} 月的监控任务已存在", year.year)));
    }
    let unit_kinds = [OrgKind::Department.as_str(), OrgKind::Township.as_str()];
    let mut select = organisation::Entity::find().filter(organisation::Column::Kind.is_in(unit_kinds));
    if let Some(ids) = &units {
        if ids.is_empty() {
            return Err(AppError::bad_field("unitIds", "请选择至少一个单位"));
        }
        select = select.filter(organisation::Column::Id.is_in(ids.clone()));
    }
    let unit_ids: Vec<i64> = select.all(&txn).await?.into_iter().map(|o| o.id).collect();
    if units.as_ref().is_some_and(|ids| ids.len() != unit_ids.len()) {
        return Err(AppError::bad_field("unitIds", "所选单位中有不是预算单位的"));
    }
    let created = round::ActiveModel {
        year_id: Set(year_id),
        month: Set(month),
        due_date: Set(due.format("%Y-%m-%d").to_string()),
        rule: Set(rule.as_str().into()),
        status: Set("open".into()),
        created_by: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let rows: Vec<round_unit::ActiveModel> = unit_ids
        .iter()
        .map(|u| round_unit::ActiveModel {
            round_id: Set(created.id),
            unit_id: Set(*u),
            submitted_at: Set(None),
            reviewed_at: Set(None),
            reviewed_by: Set(None),
            review_note: Set(String::new()),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(500) {
        round_unit::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    let after = serde_json::json!({ "round": created, "units": unit_ids.len() });
    audit::record(&txn, viewer, Change::new("monitoring.open", "monitoring_round", created.id).after(&after)).await?;
    txn.commit().await?;
    Ok(created)
}

/// The units of a round in the viewer's scope.
pub async fn units(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
    page: PageRequest,
) -> AppResult<Page<round_unit::Model>> {
    get(db, viewer, round_id).await?;
    let select = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(round_id))
        .filter(scope::units_condition(viewer, round_unit::Column::UnitId));
    pagination::fetch(db, select, round_unit::Column::Id, page).await
}

/// Whether the unit missed the due date (not submitted by it, or after it).
pub fn is_late(r: &round::Model, ru: &round_unit::Model, today: NaiveDate) -> bool {
    let Ok(due) = NaiveDate::parse_from_str(&r.due_date, "%Y-%m-%d") else { return false };
    match ru.submitted_at {
        Some(at) => at.date_naive() > due,
        None => today > due,
    }
}

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
    let r = get(db, viewer, round_id).await?;
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
    if r.status != "open" {
        return Err(AppError::Conflict("监控任务已结束".into()));
    }
    Ok((r, p))
}

/// The unit reports a project: executed amount and each indicator's progress.
/// Lights are computed here, authoritatively.
pub async fn submit_report<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    project_id: i64,
    executed: Decimal,
    entries: Vec<IndicatorEntry>,
) -> AppResult<report::Model> {
    viewer.require(Capability::EditTargets)?;
    let txn = crate::tx::begin(db).await?;
    let (r, p) = reportable(&txn, viewer, round_id, project_id).await?;
    let saved = write_report(&txn, viewer, &r, &p, executed, Some(entries)).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Writes (or rewrites) a project's report. `entries: None` keeps the
/// indicator reports already there (an executed-amount import).
pub async fn write_report(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    r: &round::Model,
    p: &project::Model,
    executed: Decimal,
    entries: Option<Vec<IndicatorEntry>>,
) -> AppResult<report::Model> {
    let executed = check_yuan(executed).map_err(|e| AppError::bad_field("executedAmount", e.to_string()))?;
    let budget = from_fen(p.approved_fen.unwrap_or(p.requested_fen));
    if executed > budget {
        return Err(AppError::bad_field(
            "executedAmount",
            format!("执行金额不能超过批复金额 {}", shared::money::format_yuan(budget)),
        ));
    }
    let rules = rules_of(r);
    let m = month(r);
    let rate = execution_rate(executed, budget);
    let exec_light = execution_light(rate, m, &rules);
    let existing = report::Entity::find()
        .filter(report::Column::RoundId.eq(r.id))
        .filter(report::Column::ProjectId.eq(p.id))
        .one(db)
        .await?;
    let planned = target::Entity::find()
        .filter(target::Column::ProjectId.eq(p.id))
        .filter(target::Column::State.eq(TargetState::Approved.as_str()))
        .one(db)
        .await?
        .map(|t| targets::indicators(&t.indicators))
        .transpose()?
        .unwrap_or_default();
    let mut rows: Vec<indicator::ActiveModel> = Vec::new();
    let mut lights = vec![exec_light];
    let mut completions = Vec::new();
    match entries {
        Some(entries) => {
            let mut covered: Vec<i32> = entries.iter().map(|e| e.position).collect();
            covered.sort_unstable();
            covered.dedup();
            if covered.len() != entries.len() || entries.len() != planned.len() {
                return Err(AppError::bad_field(
                    "indicators",
                    format!("须逐一填报绩效目标的全部 {} 个指标", planned.len()),
                ));
            }
            for e in entries {
                let pos = usize::try_from(e.position).map_err(|_| AppError::bad_field("indicators", "指标序号无效"))?;
                let plan = planned.get(pos).ok_or_else(|| {
                    AppError::bad_field("indicators", format!("第 {} 个指标不存在于批复的绩效目标中", pos + 1))
                })?;
                check_indicator_report(e.likelihood, e.forecast, &e.reasons, &e.measures)
                    .map_err(|m| AppError::bad_field("indicators", format!("{}：{m}", plan.name)))?;
                let progress = match (plan.comparator, e.actual, e.qualitative) {
                    (Comparator::Qualitative, _, Some(q)) => Progress::Qualitative(q),
                    (Comparator::Qualitative, _, None) => {
                        return Err(AppError::bad_field("indicators", format!("{}：请选择完成情况", plan.name)));
                    }
                    (_, Some(a), _) if !a.is_sign_negative() => Progress::Actual(a),
                    _ => {
                        return Err(AppError::bad_field(
                            "indicators",
                            format!("{}：请填写截至目前完成值（不小于 0）", plan.name),
                        ));
                    }
                };
                let target_value = plan.target_value.trim().parse::<Decimal>().ok();
                let light = indicator_light(plan.comparator, plan.direction, target_value, &progress, m, &rules);
                if let (Progress::Actual(a), Some(t)) = (&progress, target_value) {
                    completions.push(completion_rate(*a, t));
                }
                lights.push(light);
                rows.push(indicator::ActiveModel {
                    project_report_id: Set(0),
                    position: Set(e.position),
                    name: Set(plan.name.chars().take(200).collect()),
                    actual: Set(e.actual.map(|a| a.normalize().to_string())),
                    qualitative: Set(e.qualitative.map(|q| q.as_str().into())),
                    likelihood: Set(e.likelihood.as_str().into()),
                    forecast: Set(e.forecast.map(|f| f.normalize().to_string())),
                    reasons: Set(e.reasons.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")),
                    measures: Set(e.measures.trim().chars().take(2000).collect()),
                    light: Set(light.as_str().into()),
                    ..Default::default()
                });
            }
        }
        None => {
            if let Some(prev) = &existing {
                let kept =
                    indicator::Entity::find().filter(indicator::Column::ProjectReportId.eq(prev.id)).all(db).await?;
                lights.extend(kept.iter().filter_map(|k| Light::parse(&k.light)));
            }
        }
    }
    if !completions.is_empty() {
        let mean = completions.iter().sum::<Decimal>() / Decimal::from(completions.len());
        if gap_warning(mean, rate, &rules) {
            lights.push(Light::Yellow);
        }
    }
    let light = worst(lights).unwrap_or(exec_light);
    let now = Utc::now();
    let saved = match existing {
        Some(prev) => {
            let before = prev.clone();
            let mut active = prev.into_active_model();
            active.executed_fen = Set(to_fen(executed));
            active.execution_rate = Set(rate.to_string());
            active.execution_light = Set(exec_light.as_str().into());
            active.light = Set(light.as_str().into());
            active.reported_by = Set(viewer.user_id);
            active.updated_at = Set(now);
            let after = active.update(db).await?;
            audit::record(
                db,
                viewer,
                Change::new("monitoring.report", "project_report", after.id).before(&before).after(&after),
            )
            .await?;
            after
        }
        None => {
            let created = report::ActiveModel {
                round_id: Set(r.id),
                project_id: Set(p.id),
                unit_id: Set(p.unit_id),
                executed_fen: Set(to_fen(executed)),
                execution_rate: Set(rate.to_string()),
                execution_light: Set(exec_light.as_str().into()),
                light: Set(light.as_str().into()),
                reported_by: Set(viewer.user_id),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            audit::record(db, viewer, Change::new("monitoring.report", "project_report", created.id).after(&created))
                .await?;
            created
        }
    };
    if !rows.is_empty() {
        indicator::Entity::delete_many().filter(indicator::Column::ProjectReportId.eq(saved.id)).exec(db).await?;
        for mut row in rows {
            row.project_report_id = Set(saved.id);
            row.insert(db).await?;
        }
    }
    Ok(saved)
}

/// A unit declares its report for the round complete: its own, or (a
/// 主管部门) one of its sub-units'.
pub async fn submit_unit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    unit_id: Option<i64>,
) -> AppResult<round_unit::Model> {
    viewer.require(Capability::EditTargets)?;
    let txn = crate::tx::begin(db).await?;
    let r = get(&txn, viewer, round_id).await?;
    if r.status != "open" {
        return Err(AppError::Conflict("监控任务已结束".into()));
    }
    let unit = match unit_id {
        Some(u) => crate::organisations::service::unit_in_scope(&txn, viewer, u).await?.id,
        None => viewer.org_id,
    };
    let ru = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(round_id))
        .filter(round_unit::Column::UnitId.eq(unit))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("监控任务"))?;
    let before = ru.clone();
    let mut active = ru.into_active_model();
    active.submitted_at = Set(Some(Utc::now()));
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("monitoring.submit", "round_unit", after.id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok(after)
}

/// The unit's business section (or the 绩效股) reviews a unit's report.
pub async fn review_unit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    unit_id: i64,
    note: String,
) -> AppResult<round_unit::Model> {
    viewer.require(Capability::ReviewTargets)?;
    let txn = crate::tx::begin(db).await?;
    get(&txn, viewer, round_id).await?;
    crate::organisations::service::unit_in_scope(&txn, viewer, unit_id).await?;
    let ru = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(round_id))
        .filter(round_unit::Column::UnitId.eq(unit_id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("监控任务"))?;
    if ru.submitted_at.is_none() {
        return Err(AppError::Conflict("该单位尚未提交监控报告".into()));
    }
    let before = ru.clone();
    let mut active = ru.into_active_model();
    active.reviewed_at = Set(Some(Utc::now()));
    active.reviewed_by = Set(Some(viewer.user_id));
    active.review_note = Set(note.trim().chars().take(2000).collect());
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("monitoring.review", "round_unit", after.id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok(after)
}

/// The 绩效股 decides; money decisions write the ledger (source `monitoring`).
pub async fn decide<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    project_id: i64,
    kind: DecisionKind,
    amount: Option<Decimal>,
    note: String,
) -> AppResult<decision::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    let txn = crate::tx::begin(db).await?;
    let r = get(&txn, viewer, round_id).await?;
    let p = projects::get(&txn, viewer, project_id).await?;
    if p.year_id != r.year_id {
        return Err(AppError::bad_field("projectId", "项目不属于本监控年度"));
    }
    years::ensure_writable(&txn, p.year_id).await?;
    if decision::Entity::find()
        .filter(decision::Column::RoundId.eq(round_id))
        .filter(decision::Column::ProjectId.eq(project_id))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict("本轮监控已对该项目作出处理决定".into()));
    }
    let budget = from_fen(p.approved_fen.unwrap_or(p.requested_fen));
    let amount = match (kind.needs_amount(), amount) {
        (false, Some(_)) => return Err(AppError::bad_field("amount", "“继续执行”不填写金额")),
        (false, None) => None,
        (true, None) => return Err(AppError::bad_field("amount", "请填写金额")),
        (true, Some(a)) => {
            let a = check_yuan(a).map_err(|e| AppError::bad_field("amount", e.to_string()))?;
            if a.is_zero() || a > budget {
                return Err(AppError::bad_field("amount", "金额须大于 0 且不超过项目批复金额"));
            }
            Some(a)
        }
    };
    let note = note.trim().chars().take(2000).collect::<String>();
    let created = decision::ActiveModel {
        round_id: Set(round_id),
        project_id: Set(project_id),
        kind: Set(kind.as_str().into()),
        amount_fen: Set(amount.map(to_fen)),
        note: Set(note.clone()),
        decided_by: Set(viewer.user_id),
        decided_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if let (Some(ledger_kind), Some(a)) = (kind.ledger_kind(), amount) {
        let text = format!(
            "{} 月监控：{}{}",
            r.month,
            kind.label(),
            if note.is_empty() { String::new() } else { format!("（{note}）") }
        );
        ledger::record(&txn, viewer, project_id, LedgerSource::Monitoring, ledger_kind, a, &text).await?;
    }
    audit::record(&txn, viewer, Change::new("monitoring.decide", "monitoring_decision", created.id).after(&created))
        .await?;
    txn.commit().await?;
    Ok(created)
}

/// A dashboard row: the report with its project and unit, fetched together.
pub struct ReportRow {
    pub report: report::Model,
    pub project: Option<project::Model>,
    pub unit: Option<organisation::Model>,
}

/// The dashboard's rows: reports of a round in scope, filtered by light and
/// unit. Projects come joined into the page query and units in one more, so
/// a page costs three queries (count, page, units) whatever its size.
pub async fn reports(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
    light: Option<Light>,
    unit_id: Option<i64>,
    page: PageRequest,
) -> AppResult<Page<ReportRow>> {
    get(db, viewer, round_id).await?;
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
    let unit_ids: Vec<i64> = rows.iter().map(|(r, _)| r.unit_id).collect();
    let units = organisation::Entity::find().filter(organisation::Column::Id.is_in(unit_ids)).all(db).await?;
    let rows = rows
        .into_iter()
        .map(|(report, project)| {
            let unit = units.iter().find(|u| u.id == report.unit_id).cloned();
            ReportRow { report, project, unit }
        })
        .collect();
    Ok(Page { rows, has_next, total })
}

pub async fn report_for(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
    project_id: i64,
) -> AppResult<Option<report::Model>> {
    get(db, viewer, round_id).await?;
    projects::get(db, viewer, project_id).await?;
    Ok(report::Entity::find()
        .filter(report::Column::RoundId.eq(round_id))
        .filter(report::Column::ProjectId.eq(project_id))
        .one(db)
        .await?)
}

pub async fn indicator_reports(db: &impl ConnectionTrait, report_id: i64) -> AppResult<Vec<indicator::Model>> {
    Ok(indicator::Entity::find()
        .filter(indicator::Column::ProjectReportId.eq(report_id))
        .order_by_asc(indicator::Column::Position)
        .all(db)
        .await?)
}

pub async fn decision_for(
    db: &impl ConnectionTrait,
    round_id: i64,
    project_id: i64,
) -> AppResult<Option<decision::Model>> {
    Ok(decision::Entity::find()
        .filter(decision::Column::RoundId.eq(round_id))
        .filter(decision::Column::ProjectId.eq(project_id))
        .one(db)
        .await?)
}

/// The 绩效股 closes a round: no more reports, imports or unit submissions.
pub async fn close<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
) -> AppResult<round::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    let txn = crate::tx::begin(db).await?;
    let r = get(&txn, viewer, round_id).await?;
    if r.status != "open" {
        return Err(AppError::Conflict("监控任务已结束".into()));
    }
    let before = r.clone();
    let mut active = r.into_active_model();
    active.status = Set("closed".into());
    let after = active.update(&txn).await?;
    audit::record(
        &txn,
        viewer,
        Change::new("monitoring.close", "monitoring_round", round_id).before(&before).after(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}
