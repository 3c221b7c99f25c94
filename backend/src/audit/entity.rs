use sea_orm::entity::prelude::*;

/// One recorded mutation: who, when, what, before and after (JSON text).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub operation: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The previous entry's hash (`genesis` for the first); see [`super::chain`].
    pub prev_hash: Option<String>,
    /// SHA-256 of `prev_hash` and this entry's content.
    pub hash: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
