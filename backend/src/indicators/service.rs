use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Select, SqlErr,
    TransactionSession, TransactionTrait,
};
use shared::indicators::{
    Field, IndicatorSource, Level1, Level2, LibraryEntry, LibraryStatus, to_sheet_row, validate_library_entry,
};
use shared::permissions::Capability;

use super::entity as library;
use super::xlsx::{self};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, Page, PageRequest};
use crate::scope;
use crate::viewer::Viewer;

/// Longest refusal reason.
pub const REASON_MAX: usize = 500;

/// The library entries of `status` a viewer may see: the one place library
/// row scope is applied. Active entries are for every user; proposals and
/// refusals for the 绩效股, and for a unit its own (and its sub-units').
pub fn visible_to(viewer: &Viewer, status: LibraryStatus) -> AppResult<Select<library::Entity>> {
    let select = library::Entity::find().filter(library::Column::Status.eq(status.as_str()));
    match status {
        LibraryStatus::Active => Ok(select),
        _ if viewer.can(Capability::ManageLibrary) => Ok(select),
        _ if viewer.can(Capability::ProposeIndicators) => {
            Ok(select.filter(scope::units_condition(viewer, library::Column::ProposedByOrgId)))
        }
        _ => Err(AppError::forbidden()),
    }
}

#[derive(Default)]
pub struct LibraryFilter {
    /// Part of the name.
    pub search: Option<String>,
    pub field: Option<Field>,
    pub level1: Option<Level1>,
    pub level2: Option<Level2>,
    /// `None` means active entries.
    pub status: Option<LibraryStatus>,
}

pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: LibraryFilter,
    page: PageRequest,
) -> AppResult<Page<library::Model>> {
    let mut select = visible_to(viewer, filter.status.unwrap_or(LibraryStatus::Active))?;
    if let Some(field) = filter.field {
        select = select.filter(library::Column::Field.eq(field.as_str()));
    }
    if let Some(level2) = filter.level2 {
        select = select.filter(library::Column::Level2.eq(level2.as_str()));
    }
    if let Some(level1) = filter.level1 {
        let codes = Level2::ALL.iter().filter(|l| l.level1() == level1).map(|l| l.as_str());
        select = select.filter(library::Column::Level2.is_in(codes));
    }
    if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let search: String = search.chars().take(50).collect();
        select = select.filter(library::Column::Name.contains(&search));
    }
    pagination::fetch(db, select, library::Column::Id, page).await
}

/// The active entries, of one field or all, as an .xlsx workbook.
pub async fn export(db: &impl ConnectionTrait, viewer: &Viewer, field: Option<Field>) -> AppResult<Vec<u8>> {
    let mut select = visible_to(viewer, LibraryStatus::Active)?;
    if let Some(field) = field {
        select = select.filter(library::Column::Field.eq(field.as_str()));
    }
    let rows = select.order_by_asc(library::Column::Id).all(db).await?;
    let sheet = rows.iter().map(|m| entry_of(m).map(|e| to_sheet_row(&e))).collect::<AppResult<Vec<_>>>()?;
    // Building the workbook is CPU work: off the async workers, so that
    // exports running at once do not hold up other requests.
    tokio::task::spawn_blocking(move || xlsx::write(&sheet))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("export task: {e}")))?
}

/// A unit proposes a characteristic indicator (特性指标) for 入库.
pub async fn propose<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    entry: LibraryEntry,
) -> AppResult<library::Model> {
    viewer.require(Capability::ProposeIndicators)?;
    let entry = checked(entry)?;
    let txn = crate::tx::begin(db).await?;
    ensure_name_free(&txn, &entry).await?;
    let row = library::ActiveModel::new_entry(
        &entry,
        IndicatorSource::Characteristic,
        LibraryStatus::Proposed,
        Some(viewer.org_id),
        Utc::now(),
    );
    let created = row.insert(&txn).await.map_err(|e| name_clash(e, &entry))?;
    audit::record(&txn, viewer, Change::new("indicator.propose", "library_indicator", created.id).after(&created))
        .await?;
    txn.commit().await?;
    Ok(created)
}

/// The 绩效股 adds a common indicator straight into the library.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    entry: LibraryEntry,
) -> AppResult<library::Model> {
    viewer.require(Capability::ManageLibrary)?;
    let entry = checked(entry)?;
    let txn = crate::tx::begin(db).await?;
    ensure_name_free(&txn, &entry).await?;
    let row =
        library::ActiveModel::new_entry(&entry, IndicatorSource::Library, LibraryStatus::Active, None, Utc::now());
    let created = row.insert(&txn).await.map_err(|e| name_clash(e, &entry))?;
    audit::record(&txn, viewer, Change::new("indicator.create", "library_indicator", created.id).after(&created))
        .await?;
    txn.commit().await?;
    Ok(created)
}

/// The 绩效股 accepts a proposal into the library (入库) or refuses it with a reason.
pub async fn review<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
    accept: bool,
    reason: Option<String>,
) -> AppResult<library::Model> {
    viewer.require(Capability::ManageLibrary)?;
    let reason = reason.as_deref().map(|r| crate::input::multiline("reason", "理由", r, REASON_MAX)).transpose()?;
    let reason = reason.filter(|r| shared::text::has_visible(r));
    if !accept && reason.is_none() {
        return Err(AppError::bad_field("reason", "不予入库须填写理由"));
    }
    let txn = crate::tx::begin(db).await?;
    let before = library::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("指标"))?;
    let (status, refusal, operation) = if accept {
        (LibraryStatus::Active, None, "indicator.accept")
    } else {
        (LibraryStatus::Refused, reason, "indicator.refuse")
    };
    // Conditional on the status, so two reviewers cannot both decide.
    let done = library::Entity::update_many()
        .col_expr(library::Column::Status, Expr::value(status.as_str()))
        .col_expr(library::Column::RefusalReason, Expr::value(refusal))
        .col_expr(library::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(library::Column::Id.eq(id))
        .filter(library::Column::Status.eq(LibraryStatus::Proposed.as_str()))
        .exec(&txn)
        .await?;
    if done.rows_affected != 1 {
        let now = LibraryStatus::parse(&before.status).map_or("", |s| s.label());
        return Err(AppError::Conflict(format!("只能审核待审核的指标，该指标当前为“{now}”")));
    }
    let after = library::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("指标"))?;
    audit::record(&txn, viewer, Change::new(operation, "library_indicator", id).before(&before).after(&after)).await?;
    txn.commit().await?;
    Ok(after)
}

/// Trims and validates an entry: the first problem is the error.
pub(super) fn checked(entry: LibraryEntry) -> AppResult<LibraryEntry> {
    let entry = entry.trimmed();
    match validate_library_entry(&entry).into_iter().next() {
        Some((field, message)) => Err(AppError::bad_field(field, message)),
        None => Ok(entry),
    }
}

fn clash_message(entry: &LibraryEntry) -> String {
    format!("“{}”领域已有名为“{}”的指标（含待审核和未入库的）", entry.field.label(), entry.name)
}

pub(super) async fn ensure_name_free(db: &impl ConnectionTrait, entry: &LibraryEntry) -> AppResult<()> {
    let clash = library::Entity::find()
        .filter(library::Column::Field.eq(entry.field.as_str()))
        .filter(library::Column::Name.eq(&entry.name))
        .one(db)
        .await?;
    match clash {
        Some(_) => Err(AppError::bad_field("name", clash_message(entry))),
        None => Ok(()),
    }
}

/// A unique-index violation from a concurrent insert is the same clash.
pub(super) fn name_clash(err: DbErr, entry: &LibraryEntry) -> AppError {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => AppError::bad_field("name", clash_message(entry)),
        _ => err.into(),
    }
}

/// A stored row as the domain's entry; a bad stored code is an internal error.
pub fn entry_of(model: &library::Model) -> AppResult<LibraryEntry> {
    model.entry().ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad stored library indicator {}", model.id)))
}
