//! A background import of execution data and its progress.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "import_job")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub round_id: i64,
    /// A [`shared::monitoring::JobStatus`] code.
    pub status: String,
    pub total: i32,
    pub processed: i32,
    /// JSON array of row errors.
    pub errors: String,
    pub applied: i32,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
