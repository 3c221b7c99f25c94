//! What a unit reports for a project in a round, and per indicator.

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

pub mod indicator {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "indicator_report")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub project_report_id: i64,
        /// Index of the indicator in the approved target.
        pub position: i32,
        pub name: String,
        pub actual: Option<String>,
        pub qualitative: Option<String>,
        pub likelihood: String,
        pub forecast: Option<String>,
        /// Comma-separated [`shared::monitoring::DeviationReason`] codes.
        pub reasons: String,
        pub measures: String,
        pub light: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
