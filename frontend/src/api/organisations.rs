//! Organisations: budget units (部门, 乡镇), finance sections and the rest.

use serde::{Deserialize, Serialize};
use serde_json::json;
use shared::organisations::OrgKind;

use super::client::{ApiError, request};
use super::connection::Connection;

/// An organisation as referenced from a user or a project.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OrgSummary {
    pub id: String,
    pub kind: OrgKind,
    pub code: String,
    pub name: String,
}

/// An organisation with its relations: 主管部门 (parent) and 归口业务股室 (section).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub kind: OrgKind,
    pub code: String,
    pub name: String,
    pub parent: Option<OrgSummary>,
    pub section: Option<OrgSummary>,
}

impl Organisation {
    pub fn summary(&self) -> OrgSummary {
        OrgSummary { id: self.id.clone(), kind: self.kind, code: self.code.clone(), name: self.name.clone() }
    }
}

/// The largest page the selects ask for.
const ALL_PAGE: u32 = 100;

const LIST: &str = include_str!("graphql/organisations/organisations.graphql");
const CREATE: &str = include_str!("graphql/organisations/create_organisation.graphql");
const UPDATE: &str = include_str!("graphql/organisations/update_organisation.graphql");

/// One page of the organisations the caller may see.
pub async fn list(
    kind: Option<OrgKind>,
    search: Option<String>,
    first: u32,
    after: Option<String>,
) -> Result<Connection<Organisation>, ApiError> {
    request(LIST, json!({ "kind": kind, "search": search, "first": first, "after": after }), "organisations").await
}

/// Every organisation (of a kind) the caller may see, page by page (for selects).
pub async fn list_all(kind: Option<OrgKind>) -> Result<Vec<Organisation>, ApiError> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = list(kind, None, ALL_PAGE, after).await?;
        after = page.next_cursor();
        all.extend(page.into_nodes());
        if after.is_none() {
            return Ok(all);
        }
    }
}

/// Every budget unit (部门 and 乡镇) the caller may see, departments first.
pub async fn list_units() -> Result<Vec<Organisation>, ApiError> {
    let mut units = list_all(Some(OrgKind::Department)).await?;
    units.extend(list_all(Some(OrgKind::Township)).await?);
    Ok(units)
}

/// `CreateOrganisationInput`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewOrganisation {
    pub kind: OrgKind,
    pub code: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_id: Option<String>,
}

/// `UpdateOrganisationInput`: only the given fields change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `None` leaves it; `Some(None)` (JSON `null`) clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Option<String>>,
    /// `None` leaves it; `Some(None)` (JSON `null`) clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_id: Option<Option<String>>,
}

pub async fn create(input: NewOrganisation) -> Result<Organisation, ApiError> {
    request(CREATE, json!({ "input": input }), "createOrganisation").await
}

pub async fn update(id: String, input: OrganisationChange) -> Result<Organisation, ApiError> {
    request(UPDATE, json!({ "id": id, "input": input }), "updateOrganisation").await
}
