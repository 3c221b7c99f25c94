//! A monitoring round and the units it covers.

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
    pub status: String,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub mod round_unit {
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
}
