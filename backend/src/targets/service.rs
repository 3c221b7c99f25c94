use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, Select, Set, TransactionSession, TransactionTrait,
};
use shared::ledger::LedgerSource;
use shared::organisations::OrgKind;
use shared::permissions::Capability;
use shared::reviews::TargetState;
use shared::roles::Role;
use shared::targets::{TargetDraft, TargetIndicator};

use super::entity as target;
use super::review;
use super::revision;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::experts::service as experts;
use crate::ledger::service as ledger;
use crate::pagination::{self, Page, PageRequest};
use crate::projects::{entity as project, service as projects};
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
    if let Err(issue) = shared::targets::check_draft_input(&new) {
        let where_ = issue.indicator.map(|i| format!("第 {} 个指标：", i + 1)).unwrap_or_default();
        return Err(AppError::bad_field(issue.field, format!("{where_}{}", issue.message)));
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
            if t.overall_goal == new.overall_goal.trim() && t.indicators == json {
                // Nothing changes: nothing is written, not even an audit entry.
                return Ok(t);
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
