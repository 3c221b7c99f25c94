use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use shared::experts::PanelPurpose;
use shared::indicators::Field;

use super::loader::{ExpertLoaders, internal};
use super::opinion;
use super::panel::{self, item};
use super::panel_review::{self, NewPanel};
use super::service::{self, Profile};
use crate::error::AppError;
use crate::ex_ante::entity as assessment;
use crate::ex_ante::graphql::ExAnteObject;
use crate::graphql::{
    ExpertConnection, ExpertPanelConnection, PanelItemConnection, db, page_complexity, parse_id, viewer,
};
use crate::loader;
use crate::organisations::entity as organisation;
use crate::organisations::graphql::OrganisationObject;
use crate::pagination::PageRequest;
use crate::targets::entity as target;
use crate::targets::graphql::TargetObject;
use crate::users::entity as user;
use crate::years::entity as fiscal_year;
use crate::years::graphql::FiscalYearObject;

pub struct ExpertObject(pub Profile);

#[Object(name = "Expert")]
impl ExpertObject {
    async fn id(&self) -> ID {
        ID(self.0.user.id.to_string())
    }
    async fn display_name(&self) -> &str {
        &self.0.user.display_name
    }
    async fn fields(&self) -> &[Field] {
        &self.0.fields
    }
    /// Units the expert is excluded from (利益冲突回避).
    async fn conflict_units(&self, ctx: &Context<'_>) -> Result<Vec<OrganisationObject>> {
        let units = loader::load_many::<organisation::Entity>(ctx, &self.0.conflicts).await?;
        Ok(units.into_iter().map(OrganisationObject).collect())
    }
}

/// Every opinion on an item, through the request's loader.
async fn opinions_of(ctx: &Context<'_>, item: i64) -> Result<Vec<opinion::Model>, AppError> {
    let found = ctx.data_unchecked::<ExpertLoaders>().opinions.load_one(item).await.map_err(internal)?;
    Ok(found.unwrap_or_default())
}

pub struct ExpertOpinionObject(pub opinion::Model);

#[Object(name = "ExpertOpinion")]
impl ExpertOpinionObject {
    async fn expert(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(loader::load::<user::Entity>(ctx, self.0.expert_id).await?.map(|u| u.display_name).unwrap_or_default())
    }
    async fn score(&self) -> Option<&str> {
        self.0.score.as_deref()
    }
    async fn dimension_scores(&self) -> Option<Vec<String>> {
        self.0.dimension_scores.as_deref().and_then(|j| serde_json::from_str(j).ok())
    }
    async fn opinion(&self) -> &str {
        &self.0.opinion
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
}

pub struct PanelItemObject(pub item::Model);

#[Object(name = "PanelItem")]
impl PanelItemObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn target(&self, ctx: &Context<'_>) -> Result<Option<TargetObject>> {
        let Some(id) = self.0.target_id else { return Ok(None) };
        Ok(loader::load::<target::Entity>(ctx, id).await?.map(TargetObject))
    }
    async fn assessment(&self, ctx: &Context<'_>) -> Result<Option<ExAnteObject>> {
        let Some(id) = self.0.assessment_id else { return Ok(None) };
        Ok(loader::load::<assessment::Entity>(ctx, id).await?.map(ExAnteObject))
    }
    /// All opinions for the 绩效股; an expert sees only its own.
    async fn opinions(&self, ctx: &Context<'_>) -> Result<Vec<ExpertOpinionObject>> {
        let all = opinions_of(ctx, self.0.id).await?;
        Ok(service::visible_opinions(viewer(ctx)?, all).into_iter().map(ExpertOpinionObject).collect())
    }
    async fn my_opinion(&self, ctx: &Context<'_>) -> Result<Option<ExpertOpinionObject>> {
        let me = viewer(ctx)?.user_id;
        let all = opinions_of(ctx, self.0.id).await?;
        Ok(all.into_iter().find(|o| o.expert_id == me).map(ExpertOpinionObject))
    }
    async fn panel(&self, ctx: &Context<'_>) -> Result<ExpertPanelObject> {
        let p = loader::load::<panel::Entity>(ctx, self.0.panel_id).await?;
        Ok(ExpertPanelObject(p.ok_or(AppError::NotFound("专家组"))?))
    }
}

pub struct ExpertPanelObject(pub panel::Model);

#[Object(name = "ExpertPanel")]
impl ExpertPanelObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn year(&self, ctx: &Context<'_>) -> Result<FiscalYearObject> {
        let y = loader::load::<fiscal_year::Entity>(ctx, self.0.year_id).await?;
        Ok(FiscalYearObject(y.ok_or_else(|| AppError::Internal(anyhow::anyhow!("dangling year")))?))
    }
    async fn purpose(&self) -> Option<PanelPurpose> {
        PanelPurpose::parse(&self.0.purpose)
    }
    async fn field(&self) -> Option<Field> {
        Field::parse(&self.0.field)
    }
    async fn members(&self, ctx: &Context<'_>) -> Result<Vec<ExpertObject>> {
        let found = ctx.data_unchecked::<ExpertLoaders>().members.load_one(self.0.id).await.map_err(internal)?;
        Ok(found.unwrap_or_default().into_iter().map(ExpertObject).collect())
    }
    async fn items(&self, ctx: &Context<'_>) -> Result<Vec<PanelItemObject>> {
        let found = ctx.data_unchecked::<ExpertLoaders>().items.load_one(self.0.id).await.map_err(internal)?;
        Ok(found.unwrap_or_default().into_iter().map(PanelItemObject).collect())
    }
    async fn conclusion(&self) -> Option<&str> {
        self.0.conclusion.as_deref()
    }
    async fn concluded_at(&self) -> Option<DateTime<Utc>> {
        self.0.concluded_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Default)]
pub struct ExpertQuery;

#[Object]
impl ExpertQuery {
    /// The expert pool (绩效股, admin).
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn experts(
        &self,
        ctx: &Context<'_>,
        field: Option<Field>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ExpertConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let rows = service::list_experts(db(ctx), viewer(ctx)?, field, page).await?;
        Ok(ExpertConnection::from_page(rows, |p| p.user.id, ExpertObject))
    }

    /// Panels of a year: all for the 绩效股, its own for an expert.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn panels(
        &self,
        ctx: &Context<'_>,
        year_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ExpertPanelConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 20)?;
        let rows = service::panels(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?, page).await?;
        Ok(ExpertPanelConnection::from_page(rows, |p| p.id, ExpertPanelObject))
    }

    /// The expert's 待办: the items of its panels.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn my_panel_items(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PanelItemConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 20)?;
        let rows = service::my_items(db(ctx), viewer(ctx)?, page).await?;
        Ok(PanelItemConnection::from_page(rows, |i| i.id, PanelItemObject))
    }
}

#[derive(Default)]
pub struct ExpertMutation;

#[Object]
impl ExpertMutation {
    /// Sets an expert's fields and the units it must be excluded from.
    async fn set_expert_profile(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        fields: Vec<Field>,
        conflict_unit_ids: Vec<ID>,
    ) -> Result<ExpertObject> {
        let units = conflict_unit_ids.iter().map(|id| parse_id(id, "单位")).collect::<Result<Vec<_>, _>>()?;
        let p = service::set_profile(db(ctx), viewer(ctx)?, parse_id(&user_id, "专家")?, fields, units).await?;
        Ok(ExpertObject(p))
    }

    /// Draws a panel at random from the pool by field, excluding conflicts.
    #[allow(clippy::too_many_arguments)]
    async fn form_panel(
        &self,
        ctx: &Context<'_>,
        year_id: ID,
        purpose: PanelPurpose,
        field: Field,
        size: i32,
        target_project_ids: Option<Vec<ID>>,
        assessment_ids: Option<Vec<ID>>,
    ) -> Result<ExpertPanelObject> {
        let ids = |v: Option<Vec<ID>>, what| {
            v.unwrap_or_default().iter().map(|id| parse_id(id, what)).collect::<Result<Vec<_>, _>>()
        };
        let new = NewPanel {
            year_id: parse_id(&year_id, "预算年度")?,
            purpose,
            field,
            size,
            target_project_ids: ids(target_project_ids, "项目")?,
            assessment_ids: ids(assessment_ids, "事前绩效评估")?,
        };
        Ok(ExpertPanelObject(panel_review::form_panel(db(ctx), viewer(ctx)?, new).await?))
    }

    /// The expert records its opinion on an assigned item.
    async fn submit_opinion(
        &self,
        ctx: &Context<'_>,
        panel_item_id: ID,
        score: Option<String>,
        dimension_scores: Option<Vec<String>>,
        opinion: String,
    ) -> Result<PanelItemObject> {
        let it = panel_review::submit_opinion(
            db(ctx),
            viewer(ctx)?,
            parse_id(&panel_item_id, "评审事项")?,
            score,
            dimension_scores,
            opinion,
        )
        .await?;
        Ok(PanelItemObject(it))
    }

    /// The 绩效股 records the panel's conclusion.
    async fn conclude_panel(&self, ctx: &Context<'_>, panel_id: ID, conclusion: String) -> Result<ExpertPanelObject> {
        Ok(ExpertPanelObject(
            panel_review::conclude_panel(db(ctx), viewer(ctx)?, parse_id(&panel_id, "专家组")?, conclusion).await?,
        ))
    }
}
