use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Select, Set,
    TransactionSession, TransactionTrait,
};
use shared::organisations::{OrgKind, validate_org};
use shared::permissions::{Capability, Scope};

use super::entity as organisation;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, Page, PageRequest};
use crate::scope;
use crate::viewer::Viewer;

/// The organisations a viewer may see: the whole county for county-wide roles,
/// otherwise its own organisation and the units in its scope.
pub fn visible_to(viewer: &Viewer) -> Select<organisation::Entity> {
    let condition = match viewer.unit_scope() {
        Scope::County => Condition::all(),
        _ => Condition::any()
            .add(organisation::Column::Id.eq(viewer.org_id))
            .add(scope::units_condition(viewer, organisation::Column::Id)),
    };
    organisation::Entity::find().filter(condition)
}

pub struct OrgFilter {
    pub kind: Option<OrgKind>,
    pub search: Option<String>,
}

pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: OrgFilter,
    page: PageRequest,
) -> AppResult<Page<organisation::Model>> {
    viewer.require(Capability::ReadUnits)?;
    let mut select = visible_to(viewer);
    if let Some(kind) = filter.kind {
        select = select.filter(organisation::Column::Kind.eq(kind.as_str()));
    }
    if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let search: String = search.chars().take(50).collect();
        select = select.filter(
            Condition::any()
                .add(organisation::Column::Name.contains(&search))
                .add(organisation::Column::Code.contains(&search)),
        );
    }
    pagination::fetch(db, select, organisation::Column::Id, page).await
}

pub async fn get(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> AppResult<organisation::Model> {
    visible_to(viewer).filter(organisation::Column::Id.eq(id)).one(db).await?.ok_or(AppError::NotFound("单位"))
}

pub fn kind(org: &organisation::Model) -> AppResult<OrgKind> {
    OrgKind::parse(&org.kind).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad organisation kind {}", org.kind)))
}

/// A budget unit the viewer may act on; `NOT_FOUND` for anything else.
pub async fn unit_in_scope(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: i64) -> AppResult<organisation::Model> {
    let not_found = AppError::NotFound("预算单位");
    let unit = organisation::Entity::find_by_id(unit_id)
        .filter(scope::units_condition(viewer, organisation::Column::Id))
        .one(db)
        .await?
        .ok_or(not_found)?;
    if !kind(&unit)?.is_unit() {
        return Err(AppError::NotFound("预算单位"));
    }
    Ok(unit)
}

pub struct OrgFields {
    pub kind: OrgKind,
    pub code: String,
    pub name: String,
    pub parent_id: Option<i64>,
    pub section_id: Option<i64>,
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    fields: OrgFields,
) -> AppResult<organisation::Model> {
    viewer.require(Capability::Administer)?;
    let txn = crate::tx::begin(db).await?;
    check_fields(&txn, None, &fields).await?;
    let created = organisation::ActiveModel {
        kind: Set(fields.kind.as_str().into()),
        code: Set(fields.code.trim().into()),
        name: Set(fields.name.trim().into()),
        parent_id: Set(fields.parent_id),
        section_id: Set(fields.section_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, viewer, Change::new("organisation.create", "organisation", created.id).after(&created)).await?;
    txn.commit().await?;
    Ok(created)
}

pub struct OrgPatch {
    pub code: Option<String>,
    pub name: Option<String>,
    /// `Some(None)` clears the parent.
    pub parent_id: Option<Option<i64>>,
    pub section_id: Option<Option<i64>>,
}

pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
    patch: OrgPatch,
) -> AppResult<organisation::Model> {
    viewer.require(Capability::Administer)?;
    let txn = crate::tx::begin(db).await?;
    let before = organisation::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("单位"))?;
    let fields = OrgFields {
        kind: kind(&before)?,
        code: patch.code.unwrap_or_else(|| before.code.clone()),
        name: patch.name.unwrap_or_else(|| before.name.clone()),
        parent_id: patch.parent_id.unwrap_or(before.parent_id),
        section_id: patch.section_id.unwrap_or(before.section_id),
    };
    check_fields(&txn, Some(id), &fields).await?;
    let next = organisation::Model {
        code: fields.code.trim().into(),
        name: fields.name.trim().into(),
        parent_id: fields.parent_id,
        section_id: fields.section_id,
        ..before.clone()
    };
    if next == before {
        // Nothing changes: nothing is written, not even an audit entry.
        return Ok(before);
    }
    let active = organisation::ActiveModel::from(next).reset_all();
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("organisation.update", "organisation", id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok(after)
}

async fn check_fields(db: &impl ConnectionTrait, id: Option<i64>, f: &OrgFields) -> AppResult<()> {
    validate_org(f.kind, f.code.trim(), &f.name, f.parent_id.is_some() || f.section_id.is_some())
        .map_err(|e| AppError::bad_input(e.to_string()))?;
    let same_code = organisation::Entity::find().filter(organisation::Column::Code.eq(f.code.trim())).one(db).await?;
    if same_code.is_some_and(|o| Some(o.id) != id) {
        return Err(AppError::Conflict(format!("单位编码 {} 已被使用", f.code.trim())));
    }
    if let Some(parent_id) = f.parent_id {
        let mut cursor = Some(parent_id);
        let mut depth = 0;
        while let Some(current) = cursor {
            if Some(current) == id || depth > 8 {
                return Err(AppError::bad_field("parentId", "主管部门不能形成循环"));
            }
            let parent = organisation::Entity::find_by_id(current)
                .one(db)
                .await?
                .ok_or_else(|| AppError::bad_field("parentId", "主管部门不存在"))?;
            if !kind(&parent)?.is_unit() {
                return Err(AppError::bad_field("parentId", "主管部门须为预算单位"));
            }
            cursor = parent.parent_id;
            depth += 1;
        }
    }
    if let Some(section_id) = f.section_id {
        let section = organisation::Entity::find_by_id(section_id).one(db).await?;
        if section.map(|s| kind(&s)).transpose()? != Some(OrgKind::BusinessSection) {
            return Err(AppError::bad_field("sectionId", "归口股室须为业务股室"));
        }
    }
    Ok(())
}
