use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use shared::money::from_fen;
use shared::projects::{BudgetType, ProjectKind};

use super::entity as project;
use super::service::{self, NewProject, ProjectFilter, ProjectPatch};
use crate::error::AppError;
use crate::graphql::{Money, ProjectConnection, db, page_complexity, parse_id, parse_opt_id, viewer};
use crate::loader;
use crate::organisations::graphql::{OrganisationObject, load_required};
use crate::years::entity as fiscal_year;
use crate::years::graphql::FiscalYearObject;

pub struct ProjectObject(pub project::Model);

fn stored<T>(value: Option<T>, what: &str) -> Result<T, AppError> {
    value.ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad stored {what}")))
}

#[Object(name = "Project")]
impl ProjectObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn year(&self, ctx: &Context<'_>) -> Result<FiscalYearObject> {
        let year = loader::load::<fiscal_year::Entity>(ctx, self.0.year_id).await?;
        Ok(FiscalYearObject(stored(year, "year")?))
    }

    /// The budget unit (预算单位) the project belongs to.
    async fn unit(&self, ctx: &Context<'_>) -> Result<OrganisationObject> {
        load_required(ctx, self.0.unit_id).await
    }

    async fn code(&self) -> &str {
        &self.0.code
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn kind(&self) -> Result<ProjectKind> {
        Ok(stored(ProjectKind::parse(&self.0.kind), "kind")?)
    }

    async fn budget_type(&self) -> Result<BudgetType> {
        Ok(stored(BudgetType::parse(&self.0.budget_type), "budget type")?)
    }

    /// 申报金额 (元).
    async fn requested_amount(&self) -> Money {
        Money(from_fen(self.0.requested_fen))
    }

    /// 批复金额 (元), set by approval: the request less the ledger's cuts.
    async fn approved_amount(&self) -> Option<Money> {
        self.0.approved_fen.map(|fen| Money(from_fen(fen)))
    }

    /// 新增 (true) or 延续 (false).
    async fn is_new(&self) -> bool {
        self.0.is_new
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// Loads a project another visible object points at (a target's, a ledger
/// entry's); scope was checked on that object.
pub async fn load_project(ctx: &Context<'_>, id: i64) -> Result<ProjectObject> {
    let project = loader::load::<project::Entity>(ctx, id).await?;
    Ok(ProjectObject(stored(project, "project")?))
}

#[derive(InputObject, Default)]
#[graphql(name = "ProjectFilter")]
pub struct ProjectFilterInput {
    pub year_id: Option<ID>,
    pub unit_id: Option<ID>,
    pub budget_type: Option<BudgetType>,
    pub kind: Option<ProjectKind>,
    /// Matches code or name.
    pub search: Option<String>,
}

#[derive(Default)]
pub struct ProjectQuery;

#[Object]
impl ProjectQuery {
    /// Projects in the caller's scope, oldest first.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn projects(
        &self,
        ctx: &Context<'_>,
        filter: Option<ProjectFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ProjectConnection> {
        let f = filter.unwrap_or_default();
        let filter = ProjectFilter {
            year_id: parse_opt_id(f.year_id.as_ref(), "预算年度")?,
            unit_id: parse_opt_id(f.unit_id.as_ref(), "单位")?,
            budget_type: f.budget_type,
            kind: f.kind,
            search: f.search,
        };
        let page = crate::pagination::PageRequest::parse(first, after.as_deref(), 20)?;
        let rows = service::list(db(ctx), viewer(ctx)?, filter, page).await?;
        Ok(ProjectConnection::from_page(rows, |p| p.id, ProjectObject))
    }

    async fn project(&self, ctx: &Context<'_>, id: ID) -> Result<ProjectObject> {
        Ok(ProjectObject(service::get(db(ctx), viewer(ctx)?, parse_id(&id, "项目")?).await?))
    }
}

#[derive(InputObject)]
pub struct CreateProjectInput {
    pub year_id: ID,
    /// Defaults to the caller's own unit.
    pub unit_id: Option<ID>,
    pub code: String,
    pub name: String,
    pub kind: ProjectKind,
    pub budget_type: BudgetType,
    pub requested_amount: Money,
    pub is_new: bool,
}

/// Only the given fields change. `kind`, `isNew` and `requestedAmount` decide
/// the ex-ante gate: once an assessment exists or the target is in review,
/// changing them is refused with `FIELD_FROZEN`.
#[derive(InputObject)]
pub struct UpdateProjectInput {
    pub code: Option<String>,
    pub name: Option<String>,
    pub kind: Option<ProjectKind>,
    pub budget_type: Option<BudgetType>,
    pub requested_amount: Option<Money>,
    pub is_new: Option<bool>,
}

#[derive(Default)]
pub struct ProjectMutation;

#[Object]
impl ProjectMutation {
    async fn create_project(&self, ctx: &Context<'_>, input: CreateProjectInput) -> Result<ProjectObject> {
        let new = NewProject {
            year_id: parse_id(&input.year_id, "预算年度")?,
            unit_id: parse_opt_id(input.unit_id.as_ref(), "预算单位")?,
            code: input.code,
            name: input.name,
            kind: input.kind,
            budget_type: input.budget_type,
            requested: input.requested_amount.0,
            is_new: input.is_new,
        };
        Ok(ProjectObject(service::create(db(ctx), viewer(ctx)?, new).await?))
    }

    async fn update_project(&self, ctx: &Context<'_>, id: ID, input: UpdateProjectInput) -> Result<ProjectObject> {
        let patch = ProjectPatch {
            code: input.code,
            name: input.name,
            kind: input.kind,
            budget_type: input.budget_type,
            requested: input.requested_amount.map(|m| m.0),
            is_new: input.is_new,
        };
        Ok(ProjectObject(service::update(db(ctx), viewer(ctx)?, parse_id(&id, "项目")?, patch).await?))
    }

    /// Deletes a project that is not yet approved; returns its id.
    async fn delete_project(&self, ctx: &Context<'_>, id: ID) -> Result<ID> {
        let deleted = service::delete(db(ctx), viewer(ctx)?, parse_id(&id, "项目")?).await?;
        Ok(ID(deleted.to_string()))
    }
}
