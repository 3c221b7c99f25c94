use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "ex_ante_assessment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub project_id: i64,
    /// A [`shared::ex_ante::AssessorKind`] code.
    pub assessor_kind: String,
    /// The commissioned firm, for `firm` assessments.
    pub firm_id: Option<i64>,
    /// A [`shared::ex_ante::AssessmentState`] code.
    pub state: String,
    /// JSON array of five decimal strings in `Dimension::ALL` order.
    pub scores: Option<String>,
    pub total_score: Option<String>,
    /// A [`shared::ex_ante::Conclusion`] code, once concluded.
    pub conclusion: Option<String>,
    pub cut_fen: Option<i64>,
    pub preconditions: String,
    pub opinion: String,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub concluded_at: Option<DateTimeUtc>,
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

impl ActiveModelBehavior for ActiveModel {}
