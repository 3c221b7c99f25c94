use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::money::from_fen;

use super::entity as ledger;
use super::service::{self, Sums};
use crate::error::AppError;
use crate::graphql::{LedgerEntryConnection, Money, db, page_complexity, parse_id, viewer};
use crate::loader;
use crate::pagination::PageRequest;
use crate::projects::graphql::{ProjectObject, load_project};
use crate::users::entity as user;

pub struct LedgerEntryObject(pub ledger::Model);

#[Object(name = "LedgerEntry")]
impl LedgerEntryObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn project(&self, ctx: &Context<'_>) -> Result<ProjectObject> {
        load_project(ctx, self.0.project_id).await
    }

    async fn source(&self) -> Result<LedgerSource> {
        Ok(LedgerSource::parse(&self.0.source).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad source")))?)
    }

    async fn kind(&self) -> Result<LedgerKind> {
        Ok(LedgerKind::parse(&self.0.kind).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad kind")))?)
    }

    async fn amount(&self) -> Money {
        Money(from_fen(self.0.amount_fen))
    }

    async fn decision(&self) -> &str {
        &self.0.decision
    }

    async fn decided_at(&self) -> DateTime<Utc> {
        self.0.decided_at
    }

    /// The display name of who decided.
    async fn decided_by(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(loader::load::<user::Entity>(ctx, self.0.decided_by).await?.map(|u| u.display_name).unwrap_or_default())
    }
}

#[derive(SimpleObject)]
pub struct LedgerSum {
    /// The enum value grouped by (source, kind, unit kind or budget type).
    key: String,
    count: i64,
    amount: Money,
}

#[derive(SimpleObject)]
pub struct LedgerSummary {
    total: Money,
    count: i64,
    by_source: Vec<LedgerSum>,
    by_kind: Vec<LedgerSum>,
    by_unit_kind: Vec<LedgerSum>,
    by_budget_type: Vec<LedgerSum>,
}

fn sums(rows: Sums) -> Vec<LedgerSum> {
    rows.into_iter()
        .map(|(key, count, amount)| LedgerSum { key: key.to_uppercase(), count, amount: Money(amount) })
        .collect()
}

#[derive(Default)]
pub struct LedgerQuery;

#[Object]
impl LedgerQuery {
    /// A year's ledger entries in the caller's scope.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn ledger_entries(
        &self,
        ctx: &Context<'_>,
        year_id: ID,
        source: Option<LedgerSource>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<LedgerEntryConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 20)?;
        let rows = service::list(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?, source, page).await?;
        Ok(LedgerEntryConnection::from_page(rows, |e| e.id, LedgerEntryObject))
    }

    /// Sums of a year's ledger (绩效股, leadership).
    #[graphql(complexity = "crate::request_limits::EXPENSIVE_COST + child_complexity")]
    async fn ledger_summary(&self, ctx: &Context<'_>, year_id: ID) -> Result<LedgerSummary> {
        let s = service::summary(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?).await?;
        Ok(LedgerSummary {
            total: Money(s.total),
            count: s.count,
            by_source: sums(s.by_source),
            by_kind: sums(s.by_kind),
            by_unit_kind: sums(s.by_unit_kind),
            by_budget_type: sums(s.by_budget_type),
        })
    }
}
