//! The 审计管理员's search of the audit log: by actor, operation, object and
//! time, newest first, a page at a time (keyset on id, indexed filters).

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use shared::permissions::Capability;

use super::entity as entry;
use crate::error::{AppError, AppResult};
use crate::pagination::{Page, PageRequest};
use crate::viewer::Viewer;

/// What to look for; every part is optional and they combine with AND.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// The actor's username, exactly.
    pub actor: Option<String>,
    /// An operation code, or a prefix ending in `.` (`user.`).
    pub operation: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// From this instant (inclusive) …
    pub from: Option<DateTime<Utc>>,
    /// … to this one (exclusive).
    pub to: Option<DateTime<Utc>>,
}

/// Longest text a filter part may have (the columns are at most 64 wide).
const MAX_FILTER_LEN: usize = 64;

fn text(value: Option<&str>, field: &'static str) -> AppResult<Option<String>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > MAX_FILTER_LEN || value.chars().any(char::is_control) {
        return Err(AppError::bad_field(field, format!("查询条件不超过 {MAX_FILTER_LEN} 个字符")));
    }
    Ok(Some(value.to_owned()))
}

/// The filtered entries (no order, no page): the query the list and the export share.
pub fn select(viewer: &Viewer, filter: &AuditFilter) -> AppResult<Select<entry::Entity>> {
    viewer.require(Capability::ReadAuditLog)?;
    let mut select = entry::Entity::find();
    if let Some(actor) = text(filter.actor.as_deref(), "actor")? {
        select = select.filter(entry::Column::ActorName.eq(actor));
    }
    if let Some(operation) = text(filter.operation.as_deref(), "operation")? {
        select = if shared::audit::is_operation_prefix(&operation) {
            select.filter(entry::Column::Operation.starts_with(&operation))
        } else {
            select.filter(entry::Column::Operation.eq(operation))
        };
    }
    if let Some(object_type) = text(filter.object_type.as_deref(), "objectType")? {
        select = select.filter(entry::Column::ObjectType.eq(object_type));
    }
    if let Some(object_id) = text(filter.object_id.as_deref(), "objectId")? {
        select = select.filter(entry::Column::ObjectId.eq(object_id));
    }
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from >= to
    {
        return Err(AppError::bad_field("to", "结束时间须晚于开始时间"));
    }
    if let Some(from) = filter.from {
        select = select.filter(entry::Column::At.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(entry::Column::At.lt(to));
    }
    Ok(select)
}

/// A page of entries, newest first; `page.after` is the id of the last entry seen.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: &AuditFilter,
    page: PageRequest,
) -> AppResult<Page<entry::Model>> {
    let select = select(viewer, filter)?;
    let total = select.clone().count(db).await?;
    let mut query = select.order_by_desc(entry::Column::Id).limit(page.first + 1);
    if let Some(after) = page.after {
        query = query.filter(entry::Column::Id.lt(after));
    }
    let mut rows = query.all(db).await?;
    let has_next = rows.len() as u64 > page.first;
    rows.truncate(usize::try_from(page.first).unwrap_or(usize::MAX));
    Ok(Page { rows, has_next, total })
}
