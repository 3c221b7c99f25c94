//! A panel (专家组): drawn for a year, a purpose and a field; its members and
//! the items (targets or ex-ante assessments) it reviews.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "expert_panel")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub year_id: i64,
    /// `target_review` or `ex_ante`.
    pub purpose: String,
    pub field: String,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub conclusion: Option<String>,
    pub concluded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub mod member {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "panel_member")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub panel_id: i64,
        pub expert_id: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod item {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "panel_item")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub panel_id: i64,
        pub target_id: Option<i64>,
        pub assessment_id: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
