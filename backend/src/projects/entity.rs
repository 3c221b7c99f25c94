use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub year_id: i64,
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    /// A [`shared::projects::ProjectKind`] code.
    pub kind: String,
    /// A [`shared::projects::BudgetType`] code.
    pub budget_type: String,
    /// 申报金额 in fen (分); see [`shared::money`].
    pub requested_fen: i64,
    /// 批复金额 in fen, once approved.
    pub approved_fen: Option<i64>,
    pub is_new: bool,
    pub created_at: DateTimeUtc,
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
}

impl Related<crate::organisations::entity::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
