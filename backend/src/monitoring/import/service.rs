//! Execution data from Excel: a template per round, and a background import
//! that validates every row, reports each problem with its row and column,
//! and applies all rows or none, with progress visible while it runs.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use shared::money::{format_yuan, from_fen};
use shared::monitoring::JobStatus;
use shared::permissions::Capability;

use super::entity as job;
use super::xlsx::{self, HEADERS, money_cell, text_cell};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::monitoring::reports::write::write_report;
use crate::monitoring::rounds::{entity as round, service as rounds, unit as round_unit};
use crate::organisations::entity as organisation;
use crate::projects::entity as project;
use crate::scope;
use crate::viewer::Viewer;

const MAX_BYTES: usize = 5 * 1024 * 1024;
const MAX_ROWS: usize = 20_000;

/// One problem in the file: 1-based row, the column's header, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub row: i32,
    pub column: String,
    pub message: String,
}

/// The approved projects of the round's units the viewer may act on.
async fn round_projects(
    db: &impl sea_orm::ConnectionTrait,
    viewer: &Viewer,
    r: &round::Model,
) -> AppResult<Vec<(project::Model, Option<organisation::Model>)>> {
    let units: Vec<i64> = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.eq(r.id))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.unit_id)
        .collect();
    Ok(project::Entity::find()
        .filter(project::Column::YearId.eq(r.year_id))
        .filter(project::Column::ApprovedFen.is_not_null())
        .filter(project::Column::UnitId.is_in(units))
        .filter(scope::units_condition(viewer, project::Column::UnitId))
        .find_also_related(organisation::Entity)
        .all(db)
        .await?)
}

/// The template of a round: one row per approved project in the caller's scope.
pub async fn template(db: &DatabaseConnection, viewer: &Viewer, round_id: i64) -> AppResult<Vec<u8>> {
    let r = rounds::get(db, viewer, round_id).await?;
    xlsx::template(&round_projects(db, viewer, &r).await?)
}

/// Starts an import; the job runs in the background. Poll it with [`job`].
pub async fn start(db: &DatabaseConnection, viewer: &Viewer, round_id: i64, bytes: Vec<u8>) -> AppResult<job::Model> {
    if !(viewer.can(Capability::EditTargets) || viewer.can(Capability::OrganiseReviews)) {
        return Err(AppError::forbidden());
    }
    if bytes.len() > MAX_BYTES {
        return Err(AppError::bad_field("file", "文件不能超过 5 MB"));
    }
    let r = rounds::get(db, viewer, round_id).await?;
    rounds::ensure_open(&r)?;
    let txn = crate::tx::begin(db).await?;
    let created = job::ActiveModel {
        round_id: Set(round_id),
        status: Set(JobStatus::Running.as_str().into()),
        total: Set(0),
        processed: Set(0),
        errors: Set("[]".into()),
        applied: Set(0),
        created_by: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        finished_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, viewer, Change::new("monitoring.import_start", "import_job", created.id).after(&created))
        .await?;
    txn.commit().await?;
    let (db, viewer, job_id) = (db.clone(), viewer.clone(), created.id);
    tokio::spawn(async move {
        if let Err(e) = run(&db, &viewer, &r, job_id, bytes).await {
            tracing::error!(error = ?e, job_id, "import failed");
            let message =
                vec![RowError {
                    row: 0, column: String::new(), message: "导入时发生内部错误，请重试".into()
                }];
            let _ = finish(&db, job_id, JobStatus::Failed, &message, 0).await;
        }
    });
    Ok(created)
}

async fn run(
    db: &DatabaseConnection,
    viewer: &Viewer,
    r: &round::Model,
    job_id: i64,
    bytes: Vec<u8>,
) -> anyhow::Result<()> {
    let mut book = match Xlsx::new(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(_) => {
            let e = RowError {
                row: 0,
                column: String::new(),
                message: "无法读取文件：请上传 .xlsx 格式的 Excel 文件".into(),
            };
            finish(db, job_id, JobStatus::Failed, &[e], 0).await?;
            return Ok(());
        }
    };
    let Some(Ok(range)) = book.worksheet_range_at(0) else {
        finish(
            db,
            job_id,
            JobStatus::Failed,
            &[RowError { row: 0, column: String::new(), message: "文件中没有工作表".into() }],
            0,
        )
        .await?;
        return Ok(());
    };
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().map(|h| h.iter().map(text_cell).collect()).unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(code_col), Some(amount_col)) =
        (col(HEADERS[0]), col(HEADERS[4]).or_else(|| header.iter().position(|h| h.contains("执行金额"))))
    else {
        let e = RowError {
            row: 1,
            column: String::new(),
            message: format!("表头须包含“{}”和“{}”", HEADERS[0], HEADERS[4]),
        };
        finish(db, job_id, JobStatus::Failed, &[e], 0).await?;
        return Ok(());
    };
    let data: Vec<Vec<Data>> = rows.map(|r| r.to_vec()).filter(|r| r.iter().any(|c| *c != Data::Empty)).collect();
    if data.len() > MAX_ROWS {
        finish(
            db,
            job_id,
            JobStatus::Failed,
            &[RowError { row: 0, column: String::new(), message: format!("行数超过 {MAX_ROWS}") }],
            0,
        )
        .await?;
        return Ok(());
    }
    progress(db, job_id, data.len(), 0).await?;
    let projects = round_projects(db, viewer, r).await.map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    let mut errors = Vec::new();
    let mut valid: Vec<(project::Model, Decimal)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, row) in data.iter().enumerate() {
        let row_no = i32::try_from(i + 2).unwrap_or(i32::MAX);
        let code = row.get(code_col).map(text_cell).unwrap_or_default();
        let err = |column: &str, message: String| RowError { row: row_no, column: column.into(), message };
        let Some((p, _)) = projects.iter().find(|(p, _)| p.code == code) else {
            errors.push(err(HEADERS[0], format!("未知的项目编码“{code}”（不是本次监控范围内已批复的项目）")));
            continue;
        };
        if !seen.insert(code.clone()) {
            errors.push(err(HEADERS[0], format!("项目编码“{code}”重复")));
            continue;
        }
        match row.get(amount_col).map(money_cell).unwrap_or(Err("金额为空".into())) {
            Err(m) => errors.push(err(&header[amount_col], m)),
            Ok(a) if a > from_fen(p.approved_fen.unwrap_or(0)) => errors.push(err(
                &header[amount_col],
                format!(
                    "执行金额 {} 超过批复金额 {}",
                    format_yuan(a),
                    format_yuan(from_fen(p.approved_fen.unwrap_or(0)))
                ),
            )),
            Ok(a) => valid.push((p.clone(), a)),
        }
        if i % 25 == 24 {
            progress(db, job_id, data.len(), i + 1).await?;
        }
    }
    progress(db, job_id, data.len(), data.len()).await?;
    if !errors.is_empty() || valid.is_empty() {
        if valid.is_empty() && errors.is_empty() {
            errors.push(RowError { row: 0, column: String::new(), message: "文件中没有数据行".into() });
        }
        finish(db, job_id, JobStatus::Failed, &errors, 0).await?;
        return Ok(());
    }
    let txn = crate::tx::begin(db).await?;
    for (p, amount) in &valid {
        write_report(&txn, viewer, r, p, *amount, None).await.map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    }
    let applied = valid.len();
    audit::record(
        &txn,
        viewer,
        Change::new("monitoring.import", "import_job", job_id).after(&serde_json::json!({ "applied": applied })),
    )
    .await
    .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    txn.commit().await?;
    finish(db, job_id, JobStatus::Succeeded, &[], applied).await?;
    Ok(())
}

async fn progress(db: &DatabaseConnection, job_id: i64, total: usize, processed: usize) -> anyhow::Result<()> {
    if let Some(j) = job::Entity::find_by_id(job_id).one(db).await? {
        let mut active = j.into_active_model();
        active.total = Set(i32::try_from(total).unwrap_or(i32::MAX));
        active.processed = Set(i32::try_from(processed).unwrap_or(i32::MAX));
        active.update(db).await?;
    }
    Ok(())
}

async fn finish(
    db: &DatabaseConnection,
    job_id: i64,
    status: JobStatus,
    errors: &[RowError],
    applied: usize,
) -> anyhow::Result<()> {
    if let Some(j) = job::Entity::find_by_id(job_id).one(db).await? {
        let mut active = j.into_active_model();
        active.status = Set(status.as_str().into());
        active.errors = Set(serde_json::to_string(errors)?);
        active.applied = Set(i32::try_from(applied).unwrap_or(i32::MAX));
        active.finished_at = Set(Some(Utc::now()));
        active.update(db).await?;
    }
    Ok(())
}

/// A job, for the user who started it and the 绩效股.
pub async fn job(db: &DatabaseConnection, viewer: &Viewer, id: i64) -> AppResult<job::Model> {
    let j = job::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("导入任务"))?;
    if j.created_by == viewer.user_id || viewer.can(Capability::OrganiseReviews) {
        Ok(j)
    } else {
        Err(AppError::NotFound("导入任务"))
    }
}

pub fn errors(j: &job::Model) -> Vec<RowError> {
    serde_json::from_str(&j.errors).unwrap_or_default()
}
