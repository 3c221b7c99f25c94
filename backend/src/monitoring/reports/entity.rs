//! What a unit reports for a project in a round: executed amount and lights.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "project_report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub round_id: i64,
    pub project_id: i64,
    pub unit_id: i64,
    pub executed_fen: i64,
    /// Per cent, two places.
    pub execution_rate: String,
    pub execution_light: String,
    /// The project's light: the worst of execution and its indicators.
    pub light: String,
    pub reported_by: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "crate::organisations::entity::Entity",
        from = "Column::UnitId",
        to = "crate::organisations::entity::Column::Id"
    )]
    Unit,
    #[sea_orm(
        belongs_to = "crate::projects::entity::Entity",
        from = "Column::ProjectId",
        to = "crate::projects::entity::Column::Id"
    )]
    Project,
}

impl Related<crate::projects::entity::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
