use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, Select, Set, TransactionSession, TransactionTrait,
};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::money::{check_yuan, from_fen, to_fen};
use shared::organisations::OrgKind;
use shared::permissions::{Capability, Scope};
use shared::reviews::{ReviewAction, ReviewStep, Reviewer, TargetState, transition};
use shared::roles::Role;
use shared::targets::{TargetDraft, TargetIndicator, validate_target};

use super::entity as target;
use super::review;
use super::revision;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::ex_ante::service as ex_ante;
use crate::experts::service as experts;
use crate::ledger::service as ledger;
use crate::organisations::entity as organisation;
use crate::pagination::{self, Page, PageRequest};
use crate::projects::{entity as project, service as projects};
use crate::rules;
use crate::scope;
use crate::viewer::Viewer;
use crate::years::service as years;

pub const MAX_INDICATORS: usize = 60;

pub fn state(t: &target::Model) -> AppResult<TargetState> {
    TargetState::parse(&t.state).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad target state {}", t.state)))
}

pub fn draft(t: &target::Model) -> AppResult<TargetDraft> {
    Ok(TargetDraft { overall_goal: t.overall_goal.clone(), indicators: indicators(&t.indicators)? })
}

pub fn indicators(json: &str) -> AppResult<Vec<TargetIndicator>> {
    serde_json::from_str(json).map_err(|e| AppError::Internal(anyhow::anyhow!("stored indicators: {e}")))
}

/// The project behind a target, if the viewer may see it: through project row
/// scope, or (experts) through a panel it sits on.
pub async fn visible_project(db: &impl ConnectionTrait, viewer: &Viewer, project_id: i64) -> AppResult<project::Model> {
    if viewer.role == Role::Expert {
        if experts::is_assigned_project(db, viewer, project_id).await? {
            return project::Entity::find_by_id(project_id).one(db).await?.ok_or(AppError::NotFound("项目"));
        }
        return Err(AppError::NotFound("项目"));
    }
    projects::get(db, viewer, project_id).await
}

/// The target of a project the viewer may see; `None` if none was started.
pub async fn for_project(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    project_id: i64,
) -> AppResult<Option<target::Model>> {
    visible_project(db, viewer, project_id).await?;
    Ok(target::Entity::find().filter(target::Column::ProjectId.eq(project_id)).one(db).await?)
}

/// How the viewer stands to the project's unit in the review chain.
async fn reviewer(db: &impl ConnectionTrait, viewer: &Viewer, project: &project::Model) -> AppResult<Reviewer> {
    Ok(match (viewer.role, viewer.unit_scope()) {
        (Role::Department | Role::Township, Scope::OwnUnit) => Reviewer::OwnUnit,
        (Role::FinanceSection, _) if viewer.org_kind == OrgKind::PerformanceSection => Reviewer::PerformanceSection,
        (Role::FinanceSection, _) => {
            let unit = organisation::Entity::find_by_id(project.unit_id).one(db).await?;
            if unit.and_then(|u| u.section_id) == Some(viewer.org_id) {
                Reviewer::AssignedSection
            } else {
                Reviewer::Other
            }
        }
        _ => Reviewer::Other,
    })
}

/// Saves the unit's draft. Rule checks do not block saving; they block submitting.
pub async fn save<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    project_id: i64,
    new: TargetDraft,
) -> AppResult<target::Model> {
    viewer.require(Capability::EditTargets)?;
    if new.indicators.len() > MAX_INDICATORS {
        return Err(AppError::bad_field("indicators", format!("指标不超过 {MAX_INDICATORS} 个")));
    }
    if new.overall_goal.chars().count() > shared::targets::GOAL_MAX {
        return Err(AppError::bad_field("overallGoal", "总体目标过长"));
    }
    let txn = crate::tx::begin(db).await?;
    let project = visible_project(&txn, viewer, project_id).await?;
    years::ensure_writable(&txn, project.year_id).await?;
    let json = serde_json::to_string(&new.indicators).map_err(|e| AppError::Internal(e.into()))?;
    let existing = target::Entity::find().filter(target::Column::ProjectId.eq(project_id)).one(&txn).await?;
    let now = Utc::now();
    let saved = match existing {
        Some(t) => {
            let current = state(&t)?;
            if !current.is_editable() {
                return Err(AppError::Conflict(format!("目标当前为“{}”，审核期间不能修改", current.label())));
            }
            let before = t.clone();
            let mut active = t.into_active_model();
            active.overall_goal = Set(new.overall_goal.trim().into());
            active.indicators = Set(json);
            active.updated_at = Set(now);
            let after = active.update(&txn).await?;
            audit::record(&txn, viewer, Change::new("target.save", "target", after.id).before(&before).after(&after))
                .await?;
            after
        }
        None => {
            let created = target::ActiveModel {
                project_id: Set(project_id),
                state: Set(TargetState::Draft.as_str().into()),
                revision: Set(0),
                overall_goal: Set(new.overall_goal.trim().into()),
                indicators: Set(json),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            audit::record(&txn, viewer, Change::new("target.create", "target", created.id).after(&created)).await?;
            created
        }
    };
    txn.commit().await?;
    Ok(saved)
}

/// 单位自审通过并提交: checks every rule, snapshots a new revision, moves on.
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    project_id: i64,
) -> AppResult<target::Model> {
    viewer.require(Capability::EditTargets)?;
    let txn = crate::tx::begin(db).await?;
    let project = visible_project(&txn, viewer, project_id).await?;
    years::ensure_writable(&txn, project.year_id).await?;
    let t = target::Entity::find()
        .filter(target::Column::ProjectId.eq(project_id))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::Conflict("请先填写并保存绩效目标".into()))?;
    let next = transition(state(&t)?, ReviewAction::Submit, reviewer(&txn, viewer, &project).await?)
        .map_err(|e| AppError::Conflict(e.to_string()))?;
    let current = draft(&t)?;
    let issues = validate_target(&current, &rules::target_rules(&txn).await?);
    if let Some(first) = issues.first() {
        let where_ = first.indicator.map(|i| format!("第 {} 个指标：", i + 1)).unwrap_or_default();
        return Err(AppError::bad_field(
            first.field,
            format!("{where_}{}（共 {} 处问题）", first.message, issues.len()),
        ));
    }
    let number = t.revision + 1;
    let now = Utc::now();
    revision::ActiveModel {
        target_id: Set(t.id),
        number: Set(number),
        overall_goal: Set(t.overall_goal.clone()),
        indicators: Set(t.indicators.clone()),
        submitted_by: Set(viewer.user_id),
        submitted_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let after =
        record_step(&txn, viewer, &t, ReviewStep::SelfReview, ReviewAction::Submit, next, number, "", None).await?;
    txn.commit().await?;
    Ok(after)
}

/// A reviewer passes, returns or approves the target at its current step.
pub async fn review<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    project_id: i64,
    action: ReviewAction,
    reasons: Option<String>,
    adjust: Option<Decimal>,
) -> AppResult<target::Model> {
    viewer.require(Capability::ReviewTargets)?;
    if action == ReviewAction::Submit {
        return Err(AppError::bad_field("action", "提交由项目单位操作"));
    }
    let reasons = reasons.unwrap_or_default().trim().to_owned();
    if reasons.chars().count() > 2000 {
        return Err(AppError::bad_field("reasons", "意见不超过 2000 个字符"));
    }
    if action == ReviewAction::Return && reasons.is_empty() {
        return Err(AppError::bad_field("reasons", "退回须填写理由"));
    }
    let txn = crate::tx::begin(db).await?;
    let project = projects::get(&txn, viewer, project_id).await?;
    years::ensure_writable(&txn, project.year_id).await?;
    let t = target::Entity::find()
        .filter(target::Column::ProjectId.eq(project_id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("绩效目标"))?;
    let current = state(&t)?;
    let step = current.step().ok_or_else(|| AppError::Conflict("目标已批复".into()))?;
    let next = transition(current, action, reviewer(&txn, viewer, &project).await?)
        .map_err(|e| AppError::Conflict(e.to_string()))?;
    if current == TargetState::PendingExpert
        && action == ReviewAction::Pass
        && !experts::concluded_for_target(&txn, t.id).await?
    {
        return Err(AppError::Conflict("专家集中会审尚未形成结论，不能通过".into()));
    }
    let requested = from_fen(project.requested_fen);
    let already = ledger::reductions(&txn, project.id, &[LedgerSource::ExAnte, LedgerSource::TargetReview]).await?;
    if let Some(amount) = adjust {
        let amount = check_yuan(amount).map_err(|e| AppError::bad_field("adjustAmount", e.to_string()))?;
        if amount.is_zero() || amount > requested - already {
            return Err(AppError::bad_field("adjustAmount", "调整金额须大于 0，且不超过申报金额扣除已评减后的余额"));
        }
        let decision = format!("{}调整预算：{}", step.label(), if reasons.is_empty() { "审核调减" } else { &reasons });
        ledger::record(&txn, viewer, project.id, LedgerSource::TargetReview, LedgerKind::Cut, amount, &decision)
            .await?;
    }
    if action == ReviewAction::Approve {
        ensure_ex_ante_gate(&txn, &project).await?;
        if project.approved_fen.is_none() {
            let approved = requested - already - adjust.unwrap_or_default();
            let before = project.clone();
            let mut active = project.into_active_model();
            active.approved_fen = Set(Some(to_fen(approved)));
            active.updated_at = Set(Utc::now());
            let after = active.update(&txn).await?;
            audit::record(
                &txn,
                viewer,
                Change::new("project.approve", "project", after.id).before(&before).after(&after),
            )
            .await?;
        }
    }
    let after = record_step(&txn, viewer, &t, step, action, next, t.revision, &reasons, adjust).await?;
    txn.commit().await?;
    Ok(after)
}

/// [rule] A project that needs an ex-ante assessment is approved only after a
/// supporting conclusion.
async fn ensure_ex_ante_gate(db: &impl ConnectionTrait, project: &project::Model) -> AppResult<()> {
    if !ex_ante::required_for(db, project).await? {
        return Ok(());
    }
    match ex_ante::for_project(db, project.id).await?.and_then(|a| a.conclusion) {
        Some(c) if shared::ex_ante::Conclusion::parse(&c).is_some_and(shared::ex_ante::allows_approval) => Ok(()),
        _ => Err(AppError::Conflict("该项目须先完成事前绩效评估，且结论为“予以支持”或“调整后支持”，方可批复".into())),
    }
}

#[allow(clippy::too_many_arguments)]
async fn record_step(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    t: &target::Model,
    step: ReviewStep,
    action: ReviewAction,
    next: TargetState,
    revision_number: i32,
    reasons: &str,
    adjust: Option<Decimal>,
) -> AppResult<target::Model> {
    let now = Utc::now();
    let entry = review::ActiveModel {
        target_id: Set(t.id),
        revision: Set(revision_number),
        step: Set(step.as_str().into()),
        action: Set(action.as_str().into()),
        reasons: Set(reasons.into()),
        adjust_fen: Set(adjust.map(to_fen)),
        reviewer_id: Set(viewer.user_id),
        reviewer_org_id: Set(viewer.org_id),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut active = t.clone().into_active_model();
    active.state = Set(next.as_str().into());
    active.revision = Set(revision_number);
    active.updated_at = Set(now);
    let after = active.update(db).await?;
    let operation = match action {
        ReviewAction::Submit => "target.submit",
        ReviewAction::Pass => "target.pass",
        ReviewAction::Return => "target.return",
        ReviewAction::Approve => "target.approve",
    };
    audit::record(db, viewer, Change::new(operation, "target", t.id).before(t).after(&entry)).await?;
    Ok(after)
}

/// Targets of a year in the viewer's scope.
fn visible_in_year(viewer: &Viewer, year_id: i64) -> AppResult<Select<target::Entity>> {
    viewer.require(Capability::ReadProjects)?;
    Ok(target::Entity::find()
        .join(JoinType::InnerJoin, target::Relation::Project.def())
        .filter(project::Column::YearId.eq(year_id))
        .filter(scope::units_condition(viewer, project::Column::UnitId)))
}

pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year_id: i64,
    state_filter: Option<TargetState>,
    unit_id: Option<i64>,
    awaiting_panel: bool,
    page: PageRequest,
) -> AppResult<Page<target::Model>> {
    let mut select = visible_in_year(viewer, year_id)?;
    if awaiting_panel {
        let on_panels = sea_orm::sea_query::Query::select()
            .column(crate::experts::panel::item::Column::TargetId)
            .from(crate::experts::panel::item::Entity)
            .and_where(crate::experts::panel::item::Column::TargetId.is_not_null())
            .to_owned();
        select = select.filter(target::Column::Id.not_in_subquery(on_panels));
    }
    if let Some(s) = state_filter {
        select = select.filter(target::Column::State.eq(s.as_str()));
    }
    if let Some(unit) = unit_id {
        select = select.filter(project::Column::UnitId.eq(unit));
    }
    pagination::fetch(db, select, target::Column::Id, page).await
}

/// 待办: the targets waiting for the viewer's action.
pub async fn queue(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year_id: Option<i64>,
    page: PageRequest,
) -> AppResult<Page<target::Model>> {
    let waiting: Vec<&str> = match (viewer.role, viewer.org_kind) {
        (Role::Department | Role::Township, _) => vec![TargetState::Draft.as_str(), TargetState::Returned.as_str()],
        (Role::FinanceSection, OrgKind::PerformanceSection) => vec![
            TargetState::PendingRecheck.as_str(),
            TargetState::PendingExpert.as_str(),
            TargetState::PendingApproval.as_str(),
        ],
        (Role::FinanceSection, _) => vec![TargetState::PendingInitial.as_str()],
        _ => return Err(AppError::forbidden()),
    };
    viewer.require(Capability::ReadProjects)?;
    let mut select = target::Entity::find()
        .join(JoinType::InnerJoin, target::Relation::Project.def())
        .filter(scope::units_condition(viewer, project::Column::UnitId))
        .filter(target::Column::State.is_in(waiting));
    if let Some(year_id) = year_id {
        select = select.filter(project::Column::YearId.eq(year_id));
    }
    pagination::fetch(db, select, target::Column::Id, page).await
}

pub async fn revisions(db: &impl ConnectionTrait, target_id: i64) -> AppResult<Vec<revision::Model>> {
    Ok(revision::Entity::find()
        .filter(revision::Column::TargetId.eq(target_id))
        .order_by_asc(revision::Column::Number)
        .all(db)
        .await?)
}

pub async fn reviews(db: &impl ConnectionTrait, target_id: i64) -> AppResult<Vec<review::Model>> {
    Ok(review::Entity::find()
        .filter(review::Column::TargetId.eq(target_id))
        .order_by_asc(review::Column::Id)
        .all(db)
        .await?)
}

/// Σ of the target-review adjustments of a project.
pub async fn adjusted_total(db: &impl ConnectionTrait, project_id: i64) -> AppResult<Decimal> {
    ledger::reductions(db, project_id, &[LedgerSource::TargetReview]).await
}
