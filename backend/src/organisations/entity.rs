use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "organisation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// A [`shared::organisations::OrgKind`] code.
    pub kind: String,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    /// 主管部门 of a sub-unit.
    pub parent_id: Option<i64>,
    /// 归口业务股室 of a unit.
    pub section_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
