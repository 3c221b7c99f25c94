use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "ledger_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub project_id: i64,
    /// A [`shared::ledger::LedgerSource`] code.
    pub source: String,
    /// A [`shared::ledger::LedgerKind`] code.
    pub kind: String,
    pub amount_fen: i64,
    pub decision: String,
    pub decided_by: i64,
    pub decided_at: DateTimeUtc,
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
