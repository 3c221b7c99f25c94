use rust_decimal::Decimal;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QuerySelect, RelationTrait};
use shared::money::from_fen;
use shared::organisations::OrgKind;
use shared::permissions::Capability;
use shared::projects::BudgetType;

use crate::error::{AppError, AppResult};
use crate::organisations::entity as organisation;
use crate::projects::entity as project;
use crate::viewer::Viewer;
use crate::years::{entity as fiscal_year, service as years};

/// Project count and amounts of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub projects: i64,
    pub requested: Decimal,
    pub approved: Decimal,
}

pub struct Overview {
    pub year: fiscal_year::Model,
    pub totals: Totals,
    pub by_budget_type: Vec<(BudgetType, Totals)>,
    /// (unit kind, number of units of that kind, totals)
    pub by_unit_kind: Vec<(OrgKind, i64, Totals)>,
}

pub async fn county(db: &impl ConnectionTrait, viewer: &Viewer, year_id: i64) -> AppResult<Overview> {
    viewer.require(Capability::ReadCountyOverview)?;
    let year = years::get(db, year_id).await?;

    let by_type: Vec<(String, i64, i64, i64)> =
        sums(project::Entity::find().select_only().column(project::Column::BudgetType))
            .filter(project::Column::YearId.eq(year_id))
            .group_by(project::Column::BudgetType)
            .into_tuple()
            .all(db)
            .await?;
    let by_budget_type: Vec<(BudgetType, Totals)> = BudgetType::ALL
        .iter()
        .map(|bt| {
            let row = by_type.iter().find(|r| r.0 == bt.as_str());
            (*bt, row.map(|r| totals(r.1, r.2, r.3)).unwrap_or_else(|| totals(0, 0, 0)))
        })
        .collect();

    let by_kind: Vec<(String, i64, i64, i64)> = sums(
        project::Entity::find()
            .select_only()
            .column_as(organisation::Column::Kind, "kind")
            .join(JoinType::InnerJoin, project::Relation::Unit.def()),
    )
    .filter(project::Column::YearId.eq(year_id))
    .group_by(organisation::Column::Kind)
    .into_tuple()
    .all(db)
    .await?;
    let unit_counts: Vec<(String, i64)> = organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Kind)
        .column_as(Expr::col(organisation::Column::Id).count(), "n")
        .filter(organisation::Column::Kind.is_in([OrgKind::Department.as_str(), OrgKind::Township.as_str()]))
        .group_by(organisation::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let by_unit_kind = [OrgKind::Department, OrgKind::Township]
        .into_iter()
        .map(|kind| {
            let units = unit_counts.iter().find(|r| r.0 == kind.as_str()).map_or(0, |r| r.1);
            let row = by_kind.iter().find(|r| r.0 == kind.as_str());
            (kind, units, row.map(|r| totals(r.1, r.2, r.3)).unwrap_or_else(|| totals(0, 0, 0)))
        })
        .collect();

    let all = by_budget_type.iter().fold(totals(0, 0, 0), |acc, (_, t)| Totals {
        projects: acc.projects + t.projects,
        requested: acc.requested + t.requested,
        approved: acc.approved + t.approved,
    });
    if by_type.iter().any(|r| BudgetType::parse(&r.0).is_none()) {
        return Err(AppError::Internal(anyhow::anyhow!("unknown budget type stored")));
    }
    Ok(Overview { year, totals: all, by_budget_type, by_unit_kind })
}

/// Adds count, requested sum and approved sum (as BIGINT fen) to a select.
fn sums(select: sea_orm::Select<project::Entity>) -> sea_orm::Select<project::Entity> {
    select
        .column_as(Expr::col((project::Entity, project::Column::Id)).count(), "projects")
        .column_as(
            Func::coalesce([Expr::col((project::Entity, project::Column::RequestedFen)).sum(), Expr::val(0)])
                .cast_as("BIGINT"),
            "requested",
        )
        .column_as(
            Func::coalesce([Expr::col((project::Entity, project::Column::ApprovedFen)).sum(), Expr::val(0)])
                .cast_as("BIGINT"),
            "approved",
        )
}

fn totals(projects: i64, requested_fen: i64, approved_fen: i64) -> Totals {
    Totals { projects, requested: from_fen(requested_fen), approved: from_fen(approved_fen) }
}
