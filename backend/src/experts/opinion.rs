//! An expert's opinion on one panel item: a score (target review) or five
//! dimension scores (ex-ante), and the written opinion.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "expert_opinion")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub panel_item_id: i64,
    pub expert_id: i64,
    /// Decimal string, 0–100 (target review).
    pub score: Option<String>,
    /// JSON array of five decimal strings in `Dimension::ALL` order (ex-ante).
    pub dimension_scores: Option<String>,
    pub opinion: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
