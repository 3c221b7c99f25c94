//! An expert's fields (领域) and the units it has a conflict of interest with.

pub mod field {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "expert_field")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub expert_id: i64,
        /// A [`shared::indicators::Field`] code.
        pub field: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod conflict {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "expert_conflict")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub expert_id: i64,
        pub unit_id: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
