//! The 绩效股's decision on a project after a round.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "monitoring_decision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub round_id: i64,
    pub project_id: i64,
    /// A [`shared::monitoring::DecisionKind`] code.
    pub kind: String,
    pub amount_fen: Option<i64>,
    pub note: String,
    pub decided_by: i64,
    pub decided_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
