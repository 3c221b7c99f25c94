//! One step of the review chain as it happened: who, which step, pass or
//! return, why, and any budget adjustment.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "target_review")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub target_id: i64,
    pub revision: i32,
    /// A [`shared::reviews::ReviewStep`] code.
    pub step: String,
    /// A [`shared::reviews::ReviewAction`] code.
    pub action: String,
    pub reasons: String,
    pub adjust_fen: Option<i64>,
    pub reviewer_id: i64,
    pub reviewer_org_id: i64,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::entity::Entity", from = "Column::TargetId", to = "super::entity::Column::Id")]
    Target,
}

impl ActiveModelBehavior for ActiveModel {}
