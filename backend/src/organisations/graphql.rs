use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use shared::organisations::OrgKind;

use super::entity as organisation;
use super::service::{self, OrgFields, OrgFilter, OrgPatch};
use crate::error::AppError;
use crate::graphql::{OrganisationConnection, db, page_complexity, parse_id, parse_opt_id, viewer};
use crate::loader;
use crate::pagination::PageRequest;

pub struct OrganisationObject(pub organisation::Model);

#[Object(name = "Organisation")]
impl OrganisationObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn kind(&self) -> Result<OrgKind> {
        Ok(service::kind(&self.0)?)
    }

    async fn code(&self) -> &str {
        &self.0.code
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// 主管部门 of a sub-unit.
    async fn parent(&self, ctx: &Context<'_>) -> Result<Option<OrganisationObject>> {
        related(ctx, self.0.parent_id).await
    }

    /// 归口业务股室 of a unit.
    async fn section(&self, ctx: &Context<'_>) -> Result<Option<OrganisationObject>> {
        related(ctx, self.0.section_id).await
    }
}

async fn related(ctx: &Context<'_>, id: Option<i64>) -> Result<Option<OrganisationObject>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loader::load::<organisation::Entity>(ctx, id).await?.map(OrganisationObject))
}

/// Loads the organisation a visible object points at (a project's unit, a
/// user's organisation).
pub async fn load_required(ctx: &Context<'_>, id: i64) -> Result<OrganisationObject> {
    loader::load::<organisation::Entity>(ctx, id)
        .await?
        .map(OrganisationObject)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("dangling organisation {id}")).into())
}

#[derive(Default)]
pub struct OrganisationQuery;

#[Object]
impl OrganisationQuery {
    /// Organisations in the caller's scope: units of its section or its own
    /// unit; the whole county for county-wide roles.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn organisations(
        &self,
        ctx: &Context<'_>,
        kind: Option<OrgKind>,
        search: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<OrganisationConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let rows = service::list(db(ctx), viewer(ctx)?, OrgFilter { kind, search }, page).await?;
        Ok(OrganisationConnection::from_page(rows, |o| o.id, OrganisationObject))
    }

    async fn organisation(&self, ctx: &Context<'_>, id: ID) -> Result<OrganisationObject> {
        let viewer = viewer(ctx)?;
        Ok(OrganisationObject(service::get(db(ctx), viewer, parse_id(&id, "单位")?).await?))
    }
}

#[derive(InputObject)]
pub struct CreateOrganisationInput {
    pub kind: OrgKind,
    pub code: String,
    pub name: String,
    pub parent_id: Option<ID>,
    pub section_id: Option<ID>,
}

#[derive(InputObject)]
pub struct UpdateOrganisationInput {
    pub code: Option<String>,
    pub name: Option<String>,
    /// `null` clears the parent; omitted leaves it.
    pub parent_id: MaybeUndefined<ID>,
    pub section_id: MaybeUndefined<ID>,
}

fn patch_id(value: MaybeUndefined<ID>) -> Result<Option<Option<i64>>, AppError> {
    match value {
        MaybeUndefined::Undefined => Ok(None),
        MaybeUndefined::Null => Ok(Some(None)),
        MaybeUndefined::Value(id) => Ok(Some(Some(parse_id(&id, "单位")?))),
    }
}

#[derive(Default)]
pub struct OrganisationMutation;

#[Object]
impl OrganisationMutation {
    async fn create_organisation(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganisationInput,
    ) -> Result<OrganisationObject> {
        let fields = OrgFields {
            kind: input.kind,
            code: input.code,
            name: input.name,
            parent_id: parse_opt_id(input.parent_id.as_ref(), "主管部门")?,
            section_id: parse_opt_id(input.section_id.as_ref(), "业务股室")?,
        };
        Ok(OrganisationObject(service::create(db(ctx), viewer(ctx)?, fields).await?))
    }

    async fn update_organisation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateOrganisationInput,
    ) -> Result<OrganisationObject> {
        let patch = OrgPatch {
            code: input.code,
            name: input.name,
            parent_id: patch_id(input.parent_id)?,
            section_id: patch_id(input.section_id)?,
        };
        Ok(OrganisationObject(service::update(db(ctx), viewer(ctx)?, parse_id(&id, "单位")?, patch).await?))
    }
}
