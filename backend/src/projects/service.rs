use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter, Select, Set,
    TransactionSession, TransactionTrait,
};
use shared::ex_ante::{Frozen, GateFields, gate_frozen};
use shared::money::{from_fen, to_fen};
use shared::permissions::Capability;
use shared::projects::{BudgetType, ProjectFields, ProjectKind, validate_project};

use super::entity as project;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::ex_ante::service as ex_ante;
use crate::organisations::service as organisations;
use crate::pagination::{self, Page, PageRequest};
use crate::scope;
use crate::targets::entity as target;
use crate::viewer::Viewer;
use crate::years::service as years;

/// The projects a viewer may see: the one place project row scope is applied.
pub fn visible_to(viewer: &Viewer) -> AppResult<Select<project::Entity>> {
    viewer.require(Capability::ReadProjects)?;
    Ok(project::Entity::find().filter(scope::units_condition(viewer, project::Column::UnitId)))
}

#[derive(Default)]
pub struct ProjectFilter {
    pub year_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub budget_type: Option<BudgetType>,
    pub kind: Option<ProjectKind>,
    pub search: Option<String>,
}

pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: ProjectFilter,
    page: PageRequest,
) -> AppResult<Page<project::Model>> {
    let mut select = visible_to(viewer)?;
    if let Some(year_id) = filter.year_id {
        select = select.filter(project::Column::YearId.eq(year_id));
    }
    if let Some(unit_id) = filter.unit_id {
        select = select.filter(project::Column::UnitId.eq(unit_id));
    }
    if let Some(budget_type) = filter.budget_type {
        select = select.filter(project::Column::BudgetType.eq(budget_type.as_str()));
    }
    if let Some(kind) = filter.kind {
        select = select.filter(project::Column::Kind.eq(kind.as_str()));
    }
    if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let search: String = search.chars().take(50).collect();
        select = select.filter(
            Condition::any().add(project::Column::Name.contains(&search)).add(project::Column::Code.contains(&search)),
        );
    }
    pagination::fetch(db, select, project::Column::Id, page).await
}

pub async fn get(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> AppResult<project::Model> {
    visible_to(viewer)?.filter(project::Column::Id.eq(id)).one(db).await?.ok_or(AppError::NotFound("项目"))
}

/// A new project as the caller gave it.
pub struct NewProject {
    pub year_id: i64,
    pub unit_id: Option<i64>,
    pub code: String,
    pub name: String,
    pub kind: ProjectKind,
    pub budget_type: BudgetType,
    pub requested: Decimal,
    pub is_new: bool,
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    new: NewProject,
) -> AppResult<project::Model> {
    viewer.require(Capability::EditProjects)?;
    let unit_id = match new.unit_id {
        Some(id) => id,
        None if viewer.role.is_unit_role() => viewer.org_id,
        None => return Err(AppError::bad_field("unitId", "请选择预算单位")),
    };
    let fields = ProjectFields { code: new.code, name: new.name, requested: Some(new.requested) };
    check(&fields)?;
    let txn = crate::tx::begin(db).await?;
    organisations::unit_in_scope(&txn, viewer, unit_id).await?;
    years::ensure_writable(&txn, new.year_id).await?;
    ensure_code_free(&txn, new.year_id, fields.code.trim(), None).await?;
    let now = Utc::now();
    let created = project::ActiveModel {
        year_id: Set(new.year_id),
        unit_id: Set(unit_id),
        code: Set(fields.code.trim().into()),
        name: Set(fields.name.trim().into()),
        kind: Set(new.kind.as_str().into()),
        budget_type: Set(new.budget_type.as_str().into()),
        requested_fen: Set(to_fen(new.requested)),
        approved_fen: Set(None),
        is_new: Set(new.is_new),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, viewer, Change::new("project.create", "project", created.id).after(&created)).await?;
    txn.commit().await?;
    Ok(created)
}

/// Only the given fields change. The approved amount is not among them: it is
/// set by approval (`targets::service::review`), the request less the ledger's cuts.
#[derive(Default)]
pub struct ProjectPatch {
    pub code: Option<String>,
    pub name: Option<String>,
    pub kind: Option<ProjectKind>,
    pub budget_type: Option<BudgetType>,
    pub requested: Option<Decimal>,
    pub is_new: Option<bool>,
}

pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
    patch: ProjectPatch,
) -> AppResult<project::Model> {
    viewer.require(Capability::EditProjects)?;
    let txn = crate::tx::begin(db).await?;
    let before = get(&txn, viewer, id).await?;
    years::ensure_writable(&txn, before.year_id).await?;
    if viewer.role.is_unit_role() && before.approved_fen.is_some() {
        return Err(AppError::Conflict("项目已批复，单位不能再修改".into()));
    }
    let fields = ProjectFields {
        code: patch.code.unwrap_or_else(|| before.code.clone()),
        name: patch.name.unwrap_or_else(|| before.name.clone()),
        requested: Some(patch.requested.unwrap_or_else(|| from_fen(before.requested_fen))),
    };
    check(&fields)?;
    let gate_before = gate_fields(&before)?;
    let gate_after = GateFields {
        kind: patch.kind.unwrap_or(gate_before.kind),
        is_new: patch.is_new.unwrap_or(gate_before.is_new),
        requested: fields.requested.unwrap_or(gate_before.requested),
    };
    if let Some((field, label)) = gate_before.changed(&gate_after)
        && let Some(frozen) = gate_frozen_for(&txn, id).await?
    {
        return Err(AppError::FieldFrozen { field, message: frozen.message(label) });
    }
    ensure_code_free(&txn, before.year_id, fields.code.trim(), Some(id)).await?;
    let next = project::Model {
        code: fields.code.trim().into(),
        name: fields.name.trim().into(),
        kind: gate_after.kind.as_str().into(),
        budget_type: patch.budget_type.map_or_else(|| before.budget_type.clone(), |b| b.as_str().into()),
        requested_fen: to_fen(gate_after.requested),
        is_new: gate_after.is_new,
        ..before.clone()
    };
    if next == before {
        // Nothing changes: nothing is written, not even an audit entry.
        return Ok(before);
    }
    let mut active = project::ActiveModel::from(next).reset_all();
    active.updated_at = Set(Utc::now());
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("project.update", "project", id).before(&before).after(&after)).await?;
    txn.commit().await?;
    Ok(after)
}

pub async fn delete<C: ConnectionTrait + TransactionTrait>(db: &C, viewer: &Viewer, id: i64) -> AppResult<i64> {
    viewer.require(Capability::EditProjects)?;
    let txn = crate::tx::begin(db).await?;
    let before = get(&txn, viewer, id).await?;
    years::ensure_writable(&txn, before.year_id).await?;
    if before.approved_fen.is_some() {
        return Err(AppError::Conflict("已批复的项目不能删除".into()));
    }
    if gate_frozen_for(&txn, id).await?.is_some() {
        return Err(AppError::Conflict("项目已开展事前绩效评估或绩效目标已进入审核，不能删除".into()));
    }
    audit::record(&txn, viewer, Change::new("project.delete", "project", id).before(&before)).await?;
    before.delete(&txn).await?;
    txn.commit().await?;
    Ok(id)
}

/// The fields of a stored project that decide the ex-ante gate.
pub fn gate_fields(p: &project::Model) -> AppResult<GateFields> {
    let kind = ProjectKind::parse(&p.kind)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad project kind {}", p.kind)))?;
    Ok(GateFields { kind, is_new: p.is_new, requested: from_fen(p.requested_fen) })
}

/// Whether (and why) the project's gate fields are frozen: an assessment
/// exists, or its target has left the unit.
async fn gate_frozen_for(db: &impl ConnectionTrait, project_id: i64) -> AppResult<Option<Frozen>> {
    let assessed = ex_ante::for_project(db, project_id).await?.is_some();
    let target = target::Entity::find().filter(target::Column::ProjectId.eq(project_id)).one(db).await?;
    let state = match target {
        Some(t) => Some(crate::targets::service::state(&t)?),
        None => None,
    };
    Ok(gate_frozen(assessed, state))
}

fn check(fields: &ProjectFields) -> AppResult<()> {
    match validate_project(fields).into_iter().next() {
        Some(first) => Err(AppError::bad_field(first.field(), first.to_string())),
        None => Ok(()),
    }
}

async fn ensure_code_free(db: &impl ConnectionTrait, year_id: i64, code: &str, except: Option<i64>) -> AppResult<()> {
    let clash = project::Entity::find()
        .filter(project::Column::YearId.eq(year_id))
        .filter(project::Column::Code.eq(code))
        .one(db)
        .await?;
    if clash.is_some_and(|p| Some(p.id) != except) {
        return Err(AppError::bad_field("code", format!("本年度已有编码为 {code} 的项目")));
    }
    Ok(())
}
