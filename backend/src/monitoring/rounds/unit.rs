//! A unit covered by a round, with its submission and review.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "round_unit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub round_id: i64,
    pub unit_id: i64,
    pub submitted_at: Option<DateTimeUtc>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub reviewed_by: Option<i64>,
    pub review_note: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "crate::organisations::entity::Entity",
        from = "Column::UnitId",
        to = "crate::organisations::entity::Column::Id"
    )]
    Unit,
}

impl Related<crate::organisations::entity::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
