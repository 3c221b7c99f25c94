//! The review chain (单位自审 → 业务股室 → 专家 → 绩效股): submitting a
//! revision, each reviewer's pass / return / approval, and the money the
//! review moves (adjustments to the ledger, the approved amount).

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::money::{check_yuan, from_fen, to_fen};
use shared::organisations::OrgKind;
use shared::permissions::{Capability, Scope};
use shared::reviews::{ReviewAction, ReviewStep, Reviewer, TargetState, transition};
use shared::roles::Role;
use shared::targets::validate_target;

use super::entity as target;
use super::review;
use super::revision;
use super::service::{draft, state, visible_project};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::ex_ante::service as ex_ante;
use crate::experts::service as experts;
use crate::ledger::service as ledger;
use crate::organisations::entity as organisation;
use crate::projects::{entity as project, service as projects};
use crate::rules;
use crate::viewer::Viewer;
use crate::years::service as years;

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
    let reasons =
        crate::input::multiline("reasons", "意见", &reasons.unwrap_or_default(), shared::text::LONG_TEXT_MAX)?;
    if action == ReviewAction::Return && !shared::text::has_visible(&reasons) {
        return Err(AppError::bad_field("reasons", "退回须填写理由"));
    }
    if adjust.is_some() && !action.may_adjust_budget() {
        return Err(AppError::bad_field("adjustAmount", "退回不调整预算：调整金额只随“通过”或“批复”提交"));
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
    claim_step(&txn, &t, current, next).await?;
    if adjust.is_some() && booked_at(&txn, &t, step).await? {
        return Err(AppError::Conflict(format!("{}已在本轮（第 {} 版）调整过预算", step.label(), t.revision)));
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

/// Moves the target on only if it still stands where this reviewer found it
/// (same state, same revision). The conditional UPDATE locks the row, so of
/// two reviewers acting at once on PostgreSQL the second waits, then finds the
/// state changed and gets a conflict: a step's money is booked once.
async fn claim_step(
    db: &impl ConnectionTrait,
    t: &target::Model,
    current: TargetState,
    next: TargetState,
) -> AppResult<()> {
    let claimed = target::Entity::update_many()
        .col_expr(target::Column::State, Expr::value(next.as_str()))
        .filter(target::Column::Id.eq(t.id))
        .filter(target::Column::State.eq(current.as_str()))
        .filter(target::Column::Revision.eq(t.revision))
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(AppError::Conflict("该目标刚被其他审核人处理，请刷新后查看".into()));
    }
    Ok(())
}

/// Whether this step of this revision already booked an adjustment.
async fn booked_at(db: &impl ConnectionTrait, t: &target::Model, step: ReviewStep) -> AppResult<bool> {
    Ok(review::Entity::find()
        .filter(review::Column::TargetId.eq(t.id))
        .filter(review::Column::Step.eq(step.as_str()))
        .filter(review::Column::Revision.eq(t.revision))
        .filter(review::Column::AdjustFen.is_not_null())
        .one(db)
        .await?
        .is_some())
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
