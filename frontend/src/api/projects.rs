//! Projects and policies (项目/政策).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use shared::projects::{BudgetType, ProjectKind};

use super::client::{ApiError, request};
use super::connection::Connection;
use super::organisations::OrgSummary;
use super::years::FiscalYear;

/// Rows per page of the projects list (the API allows up to 100).
pub const PAGE_SIZE: u32 = 20;

/// A project as listed and edited.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: String,
    pub year: FiscalYear,
    pub unit: OrgSummary,
    pub code: String,
    pub name: String,
    pub kind: ProjectKind,
    pub budget_type: BudgetType,
    pub requested_amount: Decimal,
    pub approved_amount: Option<Decimal>,
    pub is_new: bool,
}

/// `ProjectFilter`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_type: Option<BudgetType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ProjectKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// `CreateProjectInput`. Amounts travel as decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewProject {
    pub year_id: String,
    /// `None` for unit users: the server uses the caller's own unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<String>,
    pub code: String,
    pub name: String,
    pub kind: ProjectKind,
    pub budget_type: BudgetType,
    pub requested_amount: String,
    pub is_new: bool,
}

/// `UpdateProjectInput`: only the given fields change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectChange {
    pub code: String,
    pub name: String,
    pub kind: ProjectKind,
    pub budget_type: BudgetType,
    pub requested_amount: String,
    pub is_new: bool,
}

const LIST: &str = include_str!("graphql/projects/projects.graphql");
const GET: &str = include_str!("graphql/projects/project.graphql");
const CREATE: &str = include_str!("graphql/projects/create_project.graphql");
const UPDATE: &str = include_str!("graphql/projects/update_project.graphql");
const DELETE: &str = include_str!("graphql/projects/delete_project.graphql");

/// One page of the projects the caller may see.
pub async fn list(filter: ProjectFilter, after: Option<String>) -> Result<Connection<Project>, ApiError> {
    request(LIST, json!({ "filter": filter, "first": PAGE_SIZE, "after": after }), "projects").await
}

/// One project, `None` if it does not exist or is out of scope.
pub async fn get(id: String) -> Result<Option<Project>, ApiError> {
    request(GET, json!({ "id": id }), "project").await
}

pub async fn create(input: NewProject) -> Result<Project, ApiError> {
    request(CREATE, json!({ "input": input }), "createProject").await
}

pub async fn update(id: String, input: ProjectChange) -> Result<Project, ApiError> {
    request(UPDATE, json!({ "id": id, "input": input }), "updateProject").await
}

/// Deletes a project; returns its id.
pub async fn delete(id: String) -> Result<String, ApiError> {
    request(DELETE, json!({ "id": id }), "deleteProject").await
}
