//! The audit log: every mutation writes one entry in the same transaction as
//! the change itself.

pub mod chain;
pub mod entity;
pub mod graphql;
pub mod search;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::Serialize;

use crate::error::AppResult;
use crate::viewer::Viewer;

/// Who made a change; anonymous actors (a failed login) carry the name they gave.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Option<i64>,
    pub name: String,
}

impl From<&Viewer> for Actor {
    fn from(v: &Viewer) -> Self {
        Actor { id: Some(v.user_id), name: v.username.clone() }
    }
}

/// One change to record.
pub struct Change {
    pub operation: &'static str,
    pub object_type: &'static str,
    pub object_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl Change {
    pub fn new(operation: &'static str, object_type: &'static str, object_id: impl ToString) -> Self {
        Change { operation, object_type, object_id: Some(object_id.to_string()), before: None, after: None }
    }

    pub fn before(mut self, value: &impl Serialize) -> Self {
        self.before = serde_json::to_value(value).ok();
        self
    }

    pub fn after(mut self, value: &impl Serialize) -> Self {
        self.after = serde_json::to_value(value).ok();
        self
    }
}

/// Appends one entry to the chained log, in the caller's transaction.
pub async fn record(db: &impl ConnectionTrait, actor: impl Into<Actor>, change: Change) -> AppResult<()> {
    let actor = actor.into();
    let at = chain::stored_time(Utc::now());
    let actor_name: String = actor.name.chars().take(64).collect();
    let before = change.before.map(|v| v.to_string());
    let after = change.after.map(|v| v.to_string());
    let prev = chain::head(db).await?;
    let hash = chain::digest(
        &prev,
        &chain::Content {
            at,
            actor_id: actor.id,
            actor_name: &actor_name,
            operation: change.operation,
            object_type: change.object_type,
            object_id: change.object_id.as_deref(),
            before: before.as_deref(),
            after: after.as_deref(),
        },
    );
    entity::ActiveModel {
        at: Set(at),
        actor_id: Set(actor.id),
        actor_name: Set(actor_name),
        operation: Set(change.operation.into()),
        object_type: Set(change.object_type.into()),
        object_id: Set(change.object_id),
        before: Set(before),
        after: Set(after),
        prev_hash: Set(Some(prev)),
        hash: Set(Some(hash)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
