//! Rounds: open and close them, the units they cover, a unit's submission
//! and its review. Row scope: the 绩效股 and leadership see every round; a
//! unit or section sees the rounds covering a unit in its scope.

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    Set, TransactionSession, TransactionTrait,
};
use shared::monitoring::{ExecutionRuleKind, LightRules, RoundStatus};
use shared::organisations::OrgKind;
use shared::permissions::{Capability, Scope};

use super::entity as round;
use super::unit as round_unit;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::input;
use crate::organisations::entity as organisation;
use crate::pagination::{self, Page, PageRequest};
use crate::scope;
use crate::viewer::Viewer;
use crate::years::service as years;

/// The light rules the round was opened with.
pub fn rules_of(r: &round::Model) -> LightRules {
    if let Some(rules) = r.light_rules.as_deref().and_then(|json| serde_json::from_str(json).ok()) {
        return rules;
    }
    match ExecutionRuleKind::parse(&r.rule) {
        Some(ExecutionRuleKind::FixedFloors) => LightRules::sichuan(),
        _ => LightRules::default(),
    }
}

pub fn month(r: &round::Model) -> u32 {
    u32::try_from(r.month).unwrap_or(12)
}

pub fn status(r: &round::Model) -> RoundStatus {
    RoundStatus::parse(&r.status).unwrap_or(RoundStatus::Closed)
}

pub fn is_open(r: &round::Model) -> bool {
    status(r) == RoundStatus::Open
}

/// Refuses with `CONFLICT` once the round is closed.
pub fn ensure_open(r: &round::Model) -> AppResult<()> {
    if is_open(r) { Ok(()) } else { Err(AppError::Conflict("监控任务已结束".into())) }
}

/// The rounds the viewer takes part in: every round county-wide, otherwise
/// those covering a unit in its scope.
fn visible_to(viewer: &Viewer) -> Condition {
    if viewer.unit_scope() == Scope::County {
        return Condition::all();
    }
    Condition::all().add(
        round::Column::Id.in_subquery(
            Query::select()
                .column(round_unit::Column::RoundId)
                .from(round_unit::Entity)
                .cond_where(scope::units_condition(viewer, round_unit::Column::UnitId))
                .to_owned(),
        ),
    )
}

/// A round the viewer may see.
pub async fn get(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> AppResult<round::Model> {
    viewer.require(Capability::ReadProjects)?;
    round::Entity::find_by_id(id).filter(visible_to(viewer)).one(db).await?.ok_or(AppError::NotFound("监控任务"))
}

/// The rounds of a year the viewer may see, by month (one query).
pub async fn list(db: &impl ConnectionTrait, viewer: &Viewer, year_id: i64) -> AppResult<Vec<round::Model>> {
    viewer.require(Capability::ReadProjects)?;
    Ok(round::Entity::find()
        .filter(round::Column::YearId.eq(year_id))
        .filter(visible_to(viewer))
        .order_by_asc(round::Column::Month)
        .order_by_asc(round::Column::Id)
        .all(db)
        .await?)
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
    shared::text::parse_date(due_date).map_err(|e| AppError::bad_field("dueDate", format!("截止日期：{e}")))?;
    if let Some(ids) = &units {
        input::distinct("unitIds", ids)?;
    }
    let txn = crate::tx::begin(db).await?;
    let year = years::ensure_writable(&txn, year_id).await?;
    let due = input::fiscal_date("dueDate", "截止日期", due_date, year.year)?;
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
    let rules = crate::rules::light_rules(&txn, rule).await?;
    let rules = serde_json::to_string(&rules).map_err(|e| AppError::Internal(e.into()))?;
    let created = round::ActiveModel {
        year_id: Set(year_id),
        month: Set(month),
        due_date: Set(due.format("%Y-%m-%d").to_string()),
        rule: Set(rule.as_str().into()),
        light_rules: Set(Some(rules)),
        status: Set(RoundStatus::Open.as_str().into()),
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

/// The units of a round in the viewer's scope, with the round itself.
pub async fn units(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
    page: PageRequest,
) -> AppResult<(round::Model, Page<round_unit::Model>)> {
    let r = get(db, viewer, round_id).await?;
    let select = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(round_id))
        .filter(scope::units_condition(viewer, round_unit::Column::UnitId));
    Ok((r, pagination::fetch(db, select, round_unit::Column::Id, page).await?))
}

/// Whether the unit missed the due date (not submitted by it, or after it).
pub fn is_late(r: &round::Model, ru: &round_unit::Model, today: NaiveDate) -> bool {
    let Ok(due) = NaiveDate::parse_from_str(&r.due_date, "%Y-%m-%d") else { return false };
    match ru.submitted_at {
        Some(at) => at.date_naive() > due,
        None => today > due,
    }
}

/// The round's row for one unit, inside a write.
async fn round_unit_of(db: &impl ConnectionTrait, round_id: i64, unit_id: i64) -> AppResult<round_unit::Model> {
    round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(round_id))
        .filter(round_unit::Column::UnitId.eq(unit_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("监控任务"))
}

/// A unit declares its report for the round complete: its own, or (a
/// 主管部门) one of its sub-units'. Returns the round with the unit's row.
pub async fn submit_unit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    unit_id: Option<i64>,
) -> AppResult<(round::Model, round_unit::Model)> {
    viewer.require(Capability::EditTargets)?;
    let txn = crate::tx::begin(db).await?;
    let r = get(&txn, viewer, round_id).await?;
    ensure_open(&r)?;
    let unit = match unit_id {
        Some(u) => crate::organisations::service::unit_in_scope(&txn, viewer, u).await?.id,
        None => viewer.org_id,
    };
    let ru = round_unit_of(&txn, round_id, unit).await?;
    let before = ru.clone();
    let mut active = ru.into_active_model();
    active.submitted_at = Set(Some(Utc::now()));
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("monitoring.submit", "round_unit", after.id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok((r, after))
}

/// The unit's business section (or the 绩效股) reviews a unit's report.
pub async fn review_unit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    unit_id: i64,
    note: String,
) -> AppResult<(round::Model, round_unit::Model)> {
    viewer.require(Capability::ReviewTargets)?;
    let note = input::multiline("note", "审核意见", &note, shared::text::LONG_TEXT_MAX)?;
    let txn = crate::tx::begin(db).await?;
    let r = get(&txn, viewer, round_id).await?;
    crate::organisations::service::unit_in_scope(&txn, viewer, unit_id).await?;
    let ru = round_unit_of(&txn, round_id, unit_id).await?;
    if ru.submitted_at.is_none() {
        return Err(AppError::Conflict("该单位尚未提交监控报告".into()));
    }
    let before = ru.clone();
    let mut active = ru.into_active_model();
    active.reviewed_at = Set(Some(Utc::now()));
    active.reviewed_by = Set(Some(viewer.user_id));
    active.review_note = Set(note);
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("monitoring.review", "round_unit", after.id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok((r, after))
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
    ensure_open(&r)?;
    let before = r.clone();
    let mut active = r.into_active_model();
    active.status = Set(RoundStatus::Closed.as_str().into());
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
