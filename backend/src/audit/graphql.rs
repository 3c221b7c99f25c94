//! The audit log as the 审计管理员 reads it.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};

use super::entity as entry;
use super::search::{self, AuditFilter};
use crate::graphql::{AuditEntryConnection, db, page_complexity, viewer};
use crate::pagination::PageRequest;

pub struct AuditEntryObject(pub entry::Model);

#[Object(name = "AuditEntry")]
impl AuditEntryObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// The acting user's id; null for an anonymous actor (a failed login).
    async fn actor_id(&self) -> Option<ID> {
        self.0.actor_id.map(|id| ID(id.to_string()))
    }

    /// The acting user's username (or the name a failed login gave).
    async fn actor_name(&self) -> &str {
        &self.0.actor_name
    }

    async fn operation(&self) -> &str {
        &self.0.operation
    }

    /// The operation in Chinese; the code when it has no label.
    async fn operation_label(&self) -> &str {
        shared::audit::operation_label(&self.0.operation).unwrap_or(&self.0.operation)
    }

    async fn object_type(&self) -> &str {
        &self.0.object_type
    }

    async fn object_type_label(&self) -> &str {
        shared::audit::object_type_label(&self.0.object_type).unwrap_or(&self.0.object_type)
    }

    async fn object_id(&self) -> Option<&str> {
        self.0.object_id.as_deref()
    }

    /// The object before the change, as JSON text.
    async fn before(&self) -> Option<&str> {
        self.0.before.as_deref()
    }

    /// The object after the change, as JSON text.
    async fn after(&self) -> Option<&str> {
        self.0.after.as_deref()
    }
}

/// What to search the audit log for; parts combine with AND.
#[derive(InputObject, Default)]
pub struct AuditFilterInput {
    /// The actor's username, exactly.
    pub actor: Option<String>,
    /// An operation code (`user.grant_role`), or every operation on an
    /// object with a prefix ending in `.` (`user.`).
    pub operation: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// From (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// To (exclusive).
    pub to: Option<DateTime<Utc>>,
}

impl From<AuditFilterInput> for AuditFilter {
    fn from(i: AuditFilterInput) -> Self {
        AuditFilter {
            actor: i.actor,
            operation: i.operation,
            object_type: i.object_type,
            object_id: i.object_id,
            from: i.from,
            to: i.to,
        }
    }
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The audit log, newest first (审计管理员 only). The same filter
    /// exports to .xlsx at `GET /exports/audit-log.xlsx`.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<AuditEntryConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let filter = AuditFilter::from(filter.unwrap_or_default());
        let rows = search::list(db(ctx), viewer(ctx)?, &filter, page).await?;
        Ok(AuditEntryConnection::from_page(rows, |m| m.id, AuditEntryObject))
    }
}
