use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use shared::permissions::Capability;
use shared::years::{YearStatus, valid_year};

use super::entity as fiscal_year;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::viewer::Viewer;

/// Every fiscal year, newest first. Any logged-in user may list them.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<fiscal_year::Model>> {
    Ok(fiscal_year::Entity::find().order_by_desc(fiscal_year::Column::Year).all(db).await?)
}

pub async fn get(db: &impl ConnectionTrait, id: i64) -> AppResult<fiscal_year::Model> {
    fiscal_year::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("预算年度"))
}

pub fn status(year: &fiscal_year::Model) -> AppResult<YearStatus> {
    YearStatus::parse(&year.status)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad year status {}", year.status)))
}

/// Refuses changes to data of a closed year.
pub async fn ensure_writable(db: &impl ConnectionTrait, year_id: i64) -> AppResult<fiscal_year::Model> {
    let year = get(db, year_id).await?;
    if status(&year)?.is_read_only() {
        return Err(AppError::YearClosed);
    }
    Ok(year)
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    year: i32,
) -> AppResult<fiscal_year::Model> {
    viewer.require(Capability::Administer)?;
    if !valid_year(year) {
        return Err(AppError::bad_field("year", "年度须在 2000 到 2100 之间"));
    }
    let txn = crate::tx::begin(db).await?;
    if fiscal_year::Entity::find().filter(fiscal_year::Column::Year.eq(year)).one(&txn).await?.is_some() {
        return Err(AppError::Conflict(format!("{year} 年度已存在")));
    }
    let created = fiscal_year::ActiveModel {
        year: Set(year),
        status: Set(YearStatus::Drafting.as_str().into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, viewer, Change::new("year.create", "fiscal_year", created.id).after(&created)).await?;
    txn.commit().await?;
    Ok(created)
}

/// Moves a year to its next status (编制 → 执行 → 决算 → 关闭).
pub async fn advance<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
) -> AppResult<fiscal_year::Model> {
    viewer.require(Capability::Administer)?;
    let txn = crate::tx::begin(db).await?;
    let before = get(&txn, id).await?;
    let Some(next) = status(&before)?.next() else {
        return Err(AppError::Conflict("该年度已关闭，不能再变更状态".into()));
    };
    let mut active = before.clone().into_active_model();
    active.status = Set(next.as_str().into());
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("year.advance", "fiscal_year", id).before(&before).after(&after)).await?;
    txn.commit().await?;
    Ok(after)
}
