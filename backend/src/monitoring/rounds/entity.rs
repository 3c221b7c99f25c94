//! A monitoring round (监控任务): a checkpoint month of a fiscal year.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "monitoring_round")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub year_id: i64,
    /// The checkpoint month (1–12): data "截至 month 月底".
    pub month: i32,
    /// YYYY-MM-DD.
    pub due_date: String,
    /// A [`shared::monitoring::ExecutionRuleKind`] code.
    pub rule: String,
    /// The [`shared::monitoring::LightRules`] the round was opened with (JSON);
    /// `None` for rounds opened before the numbers were settings.
    pub light_rules: Option<String>,
    /// A [`shared::monitoring::RoundStatus`] code.
    pub status: String,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
