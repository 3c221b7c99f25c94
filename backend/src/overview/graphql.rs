use async_graphql::{Context, ID, Object, Result, SimpleObject};
use shared::organisations::OrgKind;
use shared::projects::BudgetType;

use super::service::{self, Overview, Totals};
use crate::graphql::{Money, db, parse_id, viewer};
use crate::years::graphql::FiscalYearObject;

#[derive(SimpleObject)]
pub struct BudgetTypeSummary {
    budget_type: BudgetType,
    project_count: i64,
    requested_total: Money,
    approved_total: Money,
}

#[derive(SimpleObject)]
pub struct UnitKindSummary {
    unit_kind: OrgKind,
    /// Units of this kind in the county.
    unit_count: i64,
    project_count: i64,
    requested_total: Money,
    approved_total: Money,
}

#[derive(SimpleObject)]
pub struct CountyOverview {
    year: FiscalYearObject,
    project_count: i64,
    requested_total: Money,
    approved_total: Money,
    by_budget_type: Vec<BudgetTypeSummary>,
    by_unit_kind: Vec<UnitKindSummary>,
}

impl From<Overview> for CountyOverview {
    fn from(o: Overview) -> Self {
        let Totals { projects, requested, approved } = o.totals;
        CountyOverview {
            year: FiscalYearObject(o.year),
            project_count: projects,
            requested_total: Money(requested),
            approved_total: Money(approved),
            by_budget_type: o
                .by_budget_type
                .into_iter()
                .map(|(budget_type, t)| BudgetTypeSummary {
                    budget_type,
                    project_count: t.projects,
                    requested_total: Money(t.requested),
                    approved_total: Money(t.approved),
                })
                .collect(),
            by_unit_kind: o
                .by_unit_kind
                .into_iter()
                .map(|(unit_kind, unit_count, t)| UnitKindSummary {
                    unit_kind,
                    unit_count,
                    project_count: t.projects,
                    requested_total: Money(t.requested),
                    approved_total: Money(t.approved),
                })
                .collect(),
        }
    }
}

#[derive(Default)]
pub struct OverviewQuery;

#[Object]
impl OverviewQuery {
    /// Projects and amounts of a year by budget type and unit kind
    /// (leadership and the 绩效股).
    #[graphql(complexity = "crate::request_limits::EXPENSIVE_COST + child_complexity")]
    async fn county_overview(&self, ctx: &Context<'_>, year_id: ID) -> Result<CountyOverview> {
        Ok(service::county(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?).await?.into())
    }
}
