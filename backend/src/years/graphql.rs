use async_graphql::{Context, ID, Object, Result};
use shared::years::YearStatus;

use super::entity as fiscal_year;
use super::service;
use crate::graphql::{db, parse_id, viewer};

pub struct FiscalYearObject(pub fiscal_year::Model);

#[Object(name = "FiscalYear")]
impl FiscalYearObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn year(&self) -> i32 {
        self.0.year
    }

    async fn status(&self) -> Result<YearStatus> {
        Ok(service::status(&self.0)?)
    }
}

#[derive(Default)]
pub struct YearQuery;

#[Object]
impl YearQuery {
    /// Every fiscal year, newest first.
    async fn years(&self, ctx: &Context<'_>) -> Result<Vec<FiscalYearObject>> {
        viewer(ctx)?;
        Ok(service::list(db(ctx)).await?.into_iter().map(FiscalYearObject).collect())
    }
}

#[derive(Default)]
pub struct YearMutation;

#[Object]
impl YearMutation {
    async fn create_year(&self, ctx: &Context<'_>, year: i32) -> Result<FiscalYearObject> {
        Ok(FiscalYearObject(service::create(db(ctx), viewer(ctx)?, year).await?))
    }

    /// Moves the year to its next status: 编制 → 执行 → 决算 → 关闭.
    async fn advance_year(&self, ctx: &Context<'_>, id: ID) -> Result<FiscalYearObject> {
        Ok(FiscalYearObject(service::advance(db(ctx), viewer(ctx)?, parse_id(&id, "预算年度")?).await?))
    }
}
