//! What a unit reports of one indicator of a project's approved target.

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
