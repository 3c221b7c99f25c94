use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use shared::ex_ante::{AssessmentState, AssessorKind, Conclusion};
use shared::money::from_fen;

use super::entity as assessment;
use super::service;
use crate::error::AppError;
use crate::experts::graphql::ExpertPanelObject;
use crate::experts::loader::{ExpertLoaders, internal};
use crate::graphql::{ExAnteConnection, Money, db, page_complexity, parse_id, parse_opt_id, viewer};
use crate::organisations::graphql::{OrganisationObject, load_required};
use crate::pagination::PageRequest;
use crate::projects::graphql::{ProjectObject, load_project};

pub struct ExAnteObject(pub assessment::Model);

#[Object(name = "ExAnteAssessment")]
impl ExAnteObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn project(&self, ctx: &Context<'_>) -> Result<ProjectObject> {
        load_project(ctx, self.0.project_id).await
    }

    async fn assessor_kind(&self) -> Result<AssessorKind> {
        Ok(AssessorKind::parse(&self.0.assessor_kind).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad kind")))?)
    }

    async fn firm(&self, ctx: &Context<'_>) -> Result<Option<OrganisationObject>> {
        match self.0.firm_id {
            Some(id) => Ok(Some(load_required(ctx, id).await?)),
            None => Ok(None),
        }
    }

    async fn panel(&self, ctx: &Context<'_>) -> Result<Option<ExpertPanelObject>> {
        let loaders = ctx.data_unchecked::<ExpertLoaders>();
        Ok(loaders.panel_of_assessment.load_one(self.0.id).await.map_err(internal)?.map(ExpertPanelObject))
    }

    async fn state(&self) -> Result<AssessmentState> {
        Ok(service::state(&self.0)?)
    }

    /// Five decimal strings in Dimension order, once scored.
    async fn scores(&self) -> Option<Vec<String>> {
        service::scores(&self.0)
    }

    async fn total_score(&self) -> Option<&str> {
        self.0.total_score.as_deref()
    }

    async fn conclusion(&self) -> Option<Conclusion> {
        self.0.conclusion.as_deref().and_then(Conclusion::parse)
    }

    async fn cut_amount(&self) -> Option<Money> {
        self.0.cut_fen.map(|f| Money(from_fen(f)))
    }

    async fn preconditions(&self) -> &str {
        &self.0.preconditions
    }

    async fn opinion(&self) -> &str {
        &self.0.opinion
    }

    async fn concluded_at(&self) -> Option<DateTime<Utc>> {
        self.0.concluded_at
    }
}

#[derive(Default)]
pub struct ExAnteQuery;

#[Object]
impl ExAnteQuery {
    /// Assessments of a year the caller may see.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn ex_ante_assessments(
        &self,
        ctx: &Context<'_>,
        year_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ExAnteConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 20)?;
        let rows = service::list(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?, page).await?;
        Ok(ExAnteConnection::from_page(rows, |a| a.id, ExAnteObject))
    }
}

#[derive(Default)]
pub struct ExAnteMutation;

#[Object]
impl ExAnteMutation {
    /// The 绩效股 commissions an assessment (expert panel or firm).
    async fn start_ex_ante(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        assessor_kind: AssessorKind,
        firm_id: Option<ID>,
    ) -> Result<ExAnteObject> {
        let firm = parse_opt_id(firm_id.as_ref(), "评价机构")?;
        let a = service::start(db(ctx), viewer(ctx)?, parse_id(&project_id, "项目")?, assessor_kind, firm).await?;
        Ok(ExAnteObject(a))
    }

    /// The commissioned firm uploads its five dimension scores.
    async fn submit_ex_ante_scores(
        &self,
        ctx: &Context<'_>,
        id: ID,
        scores: Vec<String>,
        opinion: String,
    ) -> Result<ExAnteObject> {
        let a = service::submit_scores(db(ctx), viewer(ctx)?, parse_id(&id, "事前绩效评估")?, scores, opinion).await?;
        Ok(ExAnteObject(a))
    }

    /// The 绩效股 records the conclusion.
    async fn conclude_ex_ante(
        &self,
        ctx: &Context<'_>,
        id: ID,
        conclusion: Conclusion,
        cut_amount: Option<Money>,
        preconditions: Option<String>,
    ) -> Result<ExAnteObject> {
        let a = service::conclude(
            db(ctx),
            viewer(ctx)?,
            parse_id(&id, "事前绩效评估")?,
            conclusion,
            cut_amount.map(|m| m.0),
            preconditions,
        )
        .await?;
        Ok(ExAnteObject(a))
    }
}
