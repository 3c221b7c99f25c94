use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use shared::indicators::{Comparator, Direction, Field, IndicatorSource, Level1, Level2, LibraryEntry, LibraryStatus};

use super::entity as library;
use super::import::{self, ImportOutcome, RowError};
use super::service::{self, LibraryFilter};
use crate::error::AppError;
use crate::graphql::{LibraryIndicatorConnection, db, page_complexity, parse_id, viewer};
use crate::organisations::graphql::OrganisationObject;
use crate::pagination::PageRequest;

pub struct LibraryIndicatorObject(pub library::Model);

fn stored<T>(value: Option<T>, what: &str) -> Result<T, AppError> {
    value.ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad stored library indicator {what}")))
}

/// A 三级 indicator of the library (指标库).
#[Object(name = "LibraryIndicator")]
impl LibraryIndicatorObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn level1(&self) -> Result<Level1> {
        Ok(stored(Level2::parse(&self.0.level2), "level2")?.level1())
    }

    async fn level2(&self) -> Result<Level2> {
        Ok(stored(Level2::parse(&self.0.level2), "level2")?)
    }

    /// 领域.
    async fn field(&self) -> Result<Field> {
        Ok(stored(Field::parse(&self.0.field), "field")?)
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// 指标性质.
    async fn comparator(&self) -> Result<Comparator> {
        Ok(stored(Comparator::parse(&self.0.comparator), "comparator")?)
    }

    /// 计量单位 (empty for 定性).
    async fn unit(&self) -> &str {
        &self.0.unit
    }

    /// 参考值.
    async fn reference_value(&self) -> &str {
        &self.0.reference_value
    }

    /// 评分标准.
    async fn scoring_standard(&self) -> &str {
        &self.0.scoring_standard
    }

    async fn direction(&self) -> Result<Direction> {
        Ok(stored(Direction::parse(&self.0.direction), "direction")?)
    }

    async fn source(&self) -> Result<IndicatorSource> {
        Ok(stored(IndicatorSource::parse(&self.0.source), "source")?)
    }

    async fn status(&self) -> Result<LibraryStatus> {
        Ok(stored(LibraryStatus::parse(&self.0.status), "status")?)
    }

    /// The unit that proposed it (特性指标); null for common indicators.
    async fn proposed_by(&self, ctx: &Context<'_>) -> Result<Option<OrganisationObject>> {
        let Some(id) = self.0.proposed_by_org_id else { return Ok(None) };
        Ok(crate::loader::load::<crate::organisations::entity::Entity>(ctx, id).await?.map(OrganisationObject))
    }

    /// Why the 绩效股 did not take it into the library.
    async fn refusal_reason(&self) -> Option<&str> {
        self.0.refusal_reason.as_deref()
    }
}

/// A library indicator as the 绩效股 creates it or a unit proposes it.
#[derive(InputObject)]
pub struct LibraryIndicatorInput {
    pub level2: Level2,
    pub field: Field,
    pub name: String,
    pub comparator: Comparator,
    /// Required unless 定性.
    pub unit: String,
    pub reference_value: String,
    pub scoring_standard: String,
    pub direction: Direction,
}

impl From<LibraryIndicatorInput> for LibraryEntry {
    fn from(input: LibraryIndicatorInput) -> Self {
        LibraryEntry {
            level2: input.level2,
            field: input.field,
            name: input.name,
            comparator: input.comparator,
            unit: input.unit,
            reference_value: input.reference_value,
            scoring_standard: input.scoring_standard,
            direction: input.direction,
        }
    }
}

/// One problem of an imported spreadsheet.
#[derive(SimpleObject)]
pub struct ImportRowError {
    /// The row number as the spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// The column's header, e.g. 指标名称.
    pub column: String,
    pub message: String,
}

impl From<RowError> for ImportRowError {
    fn from(e: RowError) -> Self {
        ImportRowError { row: e.row, column: e.column.to_owned(), message: e.message }
    }
}

/// What an import did. All or nothing: `created` and `updated` are 0 when
/// there are errors.
#[derive(SimpleObject)]
pub struct ImportResult {
    pub created: u32,
    pub updated: u32,
    pub errors: Vec<ImportRowError>,
}

impl From<ImportOutcome> for ImportResult {
    fn from(o: ImportOutcome) -> Self {
        ImportResult { created: o.created, updated: o.updated, errors: o.errors.into_iter().map(Into::into).collect() }
    }
}

#[derive(Default)]
pub struct IndicatorQuery;

#[Object]
impl IndicatorQuery {
    /// The indicator library, oldest first. Active entries for every user;
    /// PROPOSED and REFUSED for the 绩效股, and for a unit its own proposals.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn library_indicators(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        field: Option<Field>,
        level1: Option<Level1>,
        level2: Option<Level2>,
        #[graphql(default_with = "Some(LibraryStatus::Active)")] status: Option<LibraryStatus>,
        #[graphql(default_with = "Some(50)")] first: Option<i32>,
        after: Option<String>,
    ) -> Result<LibraryIndicatorConnection> {
        let filter = LibraryFilter { search, field, level1, level2, status };
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let rows = service::list(db(ctx), viewer(ctx)?, filter, page).await?;
        Ok(LibraryIndicatorConnection::from_page(rows, |m| m.id, LibraryIndicatorObject))
    }

    /// The active library (of one field, or all) as an .xlsx file, base64:
    /// sheet 指标库, the columns the import reads.
    #[graphql(complexity = "crate::request_limits::EXPENSIVE_COST + child_complexity")]
    async fn export_library_indicators(&self, ctx: &Context<'_>, field: Option<Field>) -> Result<String> {
        let bytes = service::export(db(ctx), viewer(ctx)?, field).await?;
        Ok(STANDARD.encode(bytes))
    }
}

#[derive(Default)]
pub struct IndicatorMutation;

#[Object]
impl IndicatorMutation {
    /// A unit proposes a characteristic indicator (特性指标) for 入库.
    async fn propose_indicator(
        &self,
        ctx: &Context<'_>,
        input: LibraryIndicatorInput,
    ) -> Result<LibraryIndicatorObject> {
        Ok(LibraryIndicatorObject(service::propose(db(ctx), viewer(ctx)?, input.into()).await?))
    }

    /// The 绩效股 accepts a proposal into the library, or refuses it (a reason is required).
    async fn review_indicator(
        &self,
        ctx: &Context<'_>,
        id: ID,
        accept: bool,
        reason: Option<String>,
    ) -> Result<LibraryIndicatorObject> {
        let id = parse_id(&id, "指标")?;
        Ok(LibraryIndicatorObject(service::review(db(ctx), viewer(ctx)?, id, accept, reason).await?))
    }

    /// The 绩效股 adds a common indicator, active at once.
    async fn create_library_indicator(
        &self,
        ctx: &Context<'_>,
        input: LibraryIndicatorInput,
    ) -> Result<LibraryIndicatorObject> {
        Ok(LibraryIndicatorObject(service::create(db(ctx), viewer(ctx)?, input.into()).await?))
    }

    /// The 绩效股 imports an .xlsx (base64) in the export's layout, all or nothing.
    #[graphql(complexity = "crate::request_limits::EXPENSIVE_COST + child_complexity")]
    async fn import_library_indicators(&self, ctx: &Context<'_>, file_base64: String) -> Result<ImportResult> {
        Ok(import::import(db(ctx), viewer(ctx)?, &file_base64).await?.into())
    }
}
