use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QuerySelect, RelationTrait, Set,
};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::money::{from_fen, to_fen};
use shared::permissions::Capability;

use super::entity as ledger;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::organisations::entity as organisation;
use crate::pagination::{self, Page, PageRequest};
use crate::projects::entity as project;
use crate::scope;
use crate::viewer::Viewer;

/// Writes one entry (and its audit record) inside the caller's transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    project_id: i64,
    source: LedgerSource,
    kind: LedgerKind,
    amount: Decimal,
    decision: &str,
) -> AppResult<ledger::Model> {
    let entry = ledger::ActiveModel {
        project_id: Set(project_id),
        source: Set(source.as_str().into()),
        kind: Set(kind.as_str().into()),
        amount_fen: Set(to_fen(amount)),
        decision: Set(decision.chars().take(500).collect()),
        decided_by: Set(viewer.user_id),
        decided_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(db, viewer, Change::new("ledger.record", "ledger_entry", entry.id).after(&entry)).await?;
    Ok(entry)
}

/// Σ of entries of `source` that reduce a project's budget.
pub async fn reductions(db: &impl ConnectionTrait, project_id: i64, sources: &[LedgerSource]) -> AppResult<Decimal> {
    let kinds: Vec<&str> = LedgerKind::ALL.iter().filter(|k| k.reduces_budget()).map(|k| k.as_str()).collect();
    let sum: Option<i64> = ledger::Entity::find()
        .select_only()
        .column_as(Func::coalesce([Expr::col(ledger::Column::AmountFen).sum(), Expr::val(0)]).cast_as("BIGINT"), "s")
        .filter(ledger::Column::ProjectId.eq(project_id))
        .filter(ledger::Column::Kind.is_in(kinds))
        .filter(ledger::Column::Source.is_in(sources.iter().map(|s| s.as_str())))
        .into_tuple()
        .one(db)
        .await?;
    Ok(from_fen(sum.unwrap_or(0)))
}

/// Entries of a year the viewer may see (row scope of their projects).
pub fn visible_in_year(viewer: &Viewer, year_id: i64) -> AppResult<sea_orm::Select<ledger::Entity>> {
    viewer.require(Capability::ReadProjects)?;
    Ok(ledger::Entity::find()
        .join(JoinType::InnerJoin, ledger::Relation::Project.def())
        .filter(project::Column::YearId.eq(year_id))
        .filter(scope::units_condition(viewer, project::Column::UnitId)))
}

pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year_id: i64,
    source: Option<LedgerSource>,
    page: PageRequest,
) -> AppResult<Page<ledger::Model>> {
    let mut select = visible_in_year(viewer, year_id)?;
    if let Some(source) = source {
        select = select.filter(ledger::Column::Source.eq(source.as_str()));
    }
    pagination::fetch(db, select, ledger::Column::Id, page).await
}

/// (key, count, amount) rows.
pub type Sums = Vec<(String, i64, Decimal)>;

pub struct Summary {
    pub count: i64,
    pub total: Decimal,
    pub by_source: Sums,
    pub by_kind: Sums,
    pub by_unit_kind: Sums,
    pub by_budget_type: Sums,
}

/// Sums of a year's ledger by source, kind, unit kind and budget type.
pub async fn summary(db: &impl ConnectionTrait, viewer: &Viewer, year_id: i64) -> AppResult<Summary> {
    viewer.require(Capability::ReadCountyOverview)?;
    let by = |col: Expr| async move {
        let rows: Vec<(String, i64, i64)> = ledger::Entity::find()
            .select_only()
            .column_as(col.clone(), "k")
            .column_as(Expr::col((ledger::Entity, ledger::Column::Id)).count(), "n")
            .column_as(
                Func::coalesce([Expr::col((ledger::Entity, ledger::Column::AmountFen)).sum(), Expr::val(0)])
                    .cast_as("BIGINT"),
                "s",
            )
            .join(JoinType::InnerJoin, ledger::Relation::Project.def())
            .join(JoinType::InnerJoin, project::Relation::Unit.def())
            .filter(project::Column::YearId.eq(year_id))
            .group_by(col)
            .into_tuple()
            .all(db)
            .await?;
        Ok::<Sums, AppError>(rows.into_iter().map(|(k, n, s)| (k, n, from_fen(s))).collect())
    };
    let by_source = by(Expr::col((ledger::Entity, ledger::Column::Source))).await?;
    let by_kind = by(Expr::col((ledger::Entity, ledger::Column::Kind))).await?;
    let by_unit_kind = by(Expr::col((organisation::Entity, organisation::Column::Kind))).await?;
    let by_budget_type = by(Expr::col((project::Entity, project::Column::BudgetType))).await?;
    let count = by_source.iter().map(|r| r.1).sum();
    let total = by_source.iter().map(|r| r.2).sum();
    Ok(Summary { count, total, by_source, by_kind, by_unit_kind, by_budget_type })
}
