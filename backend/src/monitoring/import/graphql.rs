use async_graphql::{Context, ID, Object, Result};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use shared::monitoring::JobStatus;

use super::entity as job;
use super::service;
use crate::error::AppError;
use crate::graphql::{db, parse_id, viewer};
use crate::indicators::graphql::ImportRowError;

pub struct ImportJobObject(pub job::Model);

#[Object(name = "ImportJob")]
impl ImportJobObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status(&self) -> Option<JobStatus> {
        JobStatus::parse(&self.0.status)
    }
    async fn total(&self) -> i32 {
        self.0.total
    }
    async fn processed(&self) -> i32 {
        self.0.processed
    }
    /// Rows applied (all of them, or none when there are errors).
    async fn applied(&self) -> i32 {
        self.0.applied
    }
    async fn errors(&self) -> Vec<ImportRowError> {
        service::errors(&self.0)
            .into_iter()
            .map(|e| ImportRowError { row: u32::try_from(e.row).unwrap_or(0), column: e.column, message: e.message })
            .collect()
    }
}

#[derive(Default)]
pub struct ImportQuery;

#[Object]
impl ImportQuery {
    /// The execution-data template of a round, as base64 .xlsx.
    async fn monitoring_template(&self, ctx: &Context<'_>, round_id: ID) -> Result<String> {
        let bytes = service::template(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?).await?;
        Ok(STANDARD.encode(bytes))
    }

    /// An import's progress and result.
    async fn import_job(&self, ctx: &Context<'_>, id: ID) -> Result<ImportJobObject> {
        Ok(ImportJobObject(service::job(db(ctx), viewer(ctx)?, parse_id(&id, "导入任务")?).await?))
    }
}

#[derive(Default)]
pub struct ImportMutation;

#[Object]
impl ImportMutation {
    /// Uploads executed amounts (.xlsx, base64); runs in the background — poll `importJob`.
    async fn import_execution(&self, ctx: &Context<'_>, round_id: ID, file_base64: String) -> Result<ImportJobObject> {
        let bytes =
            STANDARD.decode(file_base64.trim()).map_err(|_| AppError::bad_field("fileBase64", "文件编码无效"))?;
        Ok(ImportJobObject(service::start(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?, bytes).await?))
    }
}
