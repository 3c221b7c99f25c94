use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use shared::money::from_fen;
use shared::monitoring::DecisionKind;

use super::entity as decision;
use super::service;
use crate::graphql::{Money, db, parse_id, viewer};

pub struct DecisionObject(pub decision::Model);

#[Object(name = "MonitoringDecision")]
impl DecisionObject {
    async fn kind(&self) -> Option<DecisionKind> {
        DecisionKind::parse(&self.0.kind)
    }
    async fn amount(&self) -> Option<Money> {
        self.0.amount_fen.map(|f| Money(from_fen(f)))
    }
    async fn note(&self) -> &str {
        &self.0.note
    }
    async fn decided_at(&self) -> DateTime<Utc> {
        self.0.decided_at
    }
}

#[derive(Default)]
pub struct DecisionMutation;

#[Object]
impl DecisionMutation {
    /// The 绩效股 decides: continue, 调减, 收回 or 暂缓拨款 (money decisions write the ledger).
    async fn decide_project(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        project_id: ID,
        kind: DecisionKind,
        amount: Option<Money>,
        note: Option<String>,
    ) -> Result<DecisionObject> {
        let d = service::decide(
            db(ctx),
            viewer(ctx)?,
            parse_id(&round_id, "监控任务")?,
            parse_id(&project_id, "项目")?,
            kind,
            amount.map(|m| m.0),
            note.unwrap_or_default(),
        )
        .await?;
        Ok(DecisionObject(d))
    }
}
