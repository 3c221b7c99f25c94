use sea_orm::entity::prelude::*;

/// A project's target: its current draft (or last submission) and state.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "target")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub project_id: i64,
    /// A [`shared::reviews::TargetState`] code.
    pub state: String,
    /// Number of submitted revisions.
    pub revision: i32,
    pub overall_goal: String,
    /// JSON of `Vec<shared::targets::TargetIndicator>`.
    pub indicators: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
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
