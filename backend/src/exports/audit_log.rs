//! The audit log as an export: the 审计管理员's search, newest first.

use sea_orm::{ColumnTrait, DatabaseConnection, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select};

use super::{Cell, Column, ExportList};
use crate::audit::entity as entry;
use crate::error::AppResult;

/// The search's entries (already checked for the viewer's capability).
pub struct AuditLogExport(pub Select<entry::Entity>);

const COLUMNS: &[Column] = &[
    Column { header: "编号", width: 10 },
    Column { header: "时间", width: 20 },
    Column { header: "操作人", width: 16 },
    Column { header: "操作人编号", width: 10 },
    Column { header: "操作", width: 18 },
    Column { header: "操作代码", width: 22 },
    Column { header: "对象类型", width: 14 },
    Column { header: "对象编号", width: 10 },
    Column { header: "变更前", width: 60 },
    Column { header: "变更后", width: 60 },
];

impl ExportList for AuditLogExport {
    fn sheet(&self) -> &'static str {
        "审计日志"
    }

    fn columns(&self) -> &'static [Column] {
        COLUMNS
    }

    async fn count(&self, db: &DatabaseConnection) -> AppResult<u64> {
        Ok(self.0.clone().count(db).await?)
    }

    async fn page(&self, db: &DatabaseConnection, after: Option<i64>, limit: u64) -> AppResult<Vec<(i64, Vec<Cell>)>> {
        let mut query = self.0.clone().order_by_desc(entry::Column::Id).limit(limit);
        if let Some(after) = after {
            query = query.filter(entry::Column::Id.lt(after));
        }
        Ok(query.all(db).await?.into_iter().map(|e| (e.id, row(e))).collect())
    }
}

fn row(e: entry::Model) -> Vec<Cell> {
    let text = |t: Option<String>| t.map_or(Cell::Empty, Cell::Text);
    let label = |code: &str, label: Option<&str>| Cell::Text(label.unwrap_or(code).to_owned());
    vec![
        Cell::Integer(e.id),
        Cell::Time(e.at),
        Cell::Text(e.actor_name.clone()),
        e.actor_id.map_or(Cell::Empty, Cell::Integer),
        label(&e.operation, shared::audit::operation_label(&e.operation)),
        Cell::Text(e.operation.clone()),
        label(&e.object_type, shared::audit::object_type_label(&e.object_type)),
        // Object ids are numbers where they are row ids.
        match e.object_id.as_deref().map(str::parse::<i64>) {
            Some(Ok(id)) => Cell::Integer(id),
            _ => text(e.object_id),
        },
        text(e.before),
        text(e.after),
    ]
}
