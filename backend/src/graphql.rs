//! Pieces every domain's GraphQL layer uses: the request context, ids, the
//! `Money` scalar and cursor connections.

use async_graphql::{Context, ID, InputValueError, InputValueResult, Scalar, ScalarType, SimpleObject, Value};
use rust_decimal::Decimal;
use sea_orm::DatabaseConnection;

use crate::audit::graphql::AuditEntryObject;
use crate::error::{AppError, AppResult};
use crate::ex_ante::graphql::ExAnteObject;
use crate::experts::graphql::{ExpertObject, ExpertPanelObject, PanelItemObject};
use crate::indicators::graphql::LibraryIndicatorObject;
use crate::ledger::graphql::LedgerEntryObject;
use crate::monitoring::graphql::{ProjectReportObject, RoundUnitObject};
use crate::organisations::graphql::OrganisationObject;
use crate::pagination::{Page, encode_cursor};
use crate::projects::graphql::ProjectObject;
use crate::sessions::service::Auth;
use crate::targets::graphql::TargetObject;
use crate::users::graphql::UserObject;
use crate::viewer::{Restricted, Viewer};

/// The authenticated viewer; `UNAUTHENTICATED` for anonymous callers, and
/// the restriction's code (`PASSWORD_CHANGE_REQUIRED`, `ROLE_NOT_GRANTED`)
/// for a user held at the gate.
pub fn viewer<'a>(ctx: &Context<'a>) -> AppResult<&'a Viewer> {
    if let Some(viewer) = ctx.data_opt::<Viewer>() {
        return Ok(viewer);
    }
    match ctx.data_opt::<Restricted>().and_then(|r| r.0.restriction) {
        Some(restriction) => Err(restriction.error()),
        None => Err(AppError::unauthenticated()),
    }
}

/// The logged-in user even if held at the gate: for `me` and `changePassword` only.
pub fn viewer_at_gate<'a>(ctx: &Context<'a>) -> AppResult<&'a Viewer> {
    ctx.data_opt::<Viewer>()
        .or_else(|| ctx.data_opt::<Restricted>().map(|r| &r.0))
        .ok_or_else(AppError::unauthenticated)
}

pub fn db<'a>(ctx: &Context<'a>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

pub fn auth<'a>(ctx: &Context<'a>) -> &'a Auth {
    ctx.data_unchecked::<Auth>()
}

/// Parses an id argument; an id that is not ours cannot name anything.
pub fn parse_id(id: &ID, what: &'static str) -> AppResult<i64> {
    id.parse::<i64>().map_err(|_| AppError::NotFound(what))
}

pub fn parse_opt_id(id: Option<&ID>, what: &'static str) -> AppResult<Option<i64>> {
    id.map(|id| parse_id(id, what)).transpose()
}

/// Yuan with two places, as a JSON string (`"1234.50"`). Input must be a
/// string so that no client or library passes it through a float. Range and
/// precision are checked by the domain rules, per field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money(pub Decimal);

#[Scalar(name = "Money")]
impl ScalarType for Money {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => {
                let s = s.trim();
                let ok =
                    !s.is_empty() && s.len() <= 32 && s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-');
                s.parse::<Decimal>()
                    .ok()
                    .filter(|_| ok)
                    .map(Money)
                    .ok_or_else(|| InputValueError::custom("金额格式不正确，应为数字字符串，如 \"1234.50\""))
            }
            _ => Err(InputValueError::custom("金额须以字符串传递，如 \"1234.50\"")),
        }
    }

    fn to_value(&self) -> Value {
        let mut v = self.0;
        v.rescale(2);
        Value::String(v.to_string())
    }
}

#[derive(SimpleObject)]
pub struct PageInfo {
    pub has_next_page: bool,
    pub end_cursor: Option<String>,
}

/// Declares a Relay-style connection and edge type for a node type.
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ty) => {
        #[derive(SimpleObject)]
        pub struct $edge {
            pub cursor: String,
            pub node: $node,
        }

        /// A page of a list, Relay-style.
        #[derive(SimpleObject)]
        pub struct $connection {
            pub edges: Vec<$edge>,
            pub page_info: PageInfo,
            pub total_count: u64,
        }

        impl $connection {
            /// Wraps a page of rows; `id` gives each row's cursor position.
            pub fn from_page<M>(page: Page<M>, id: impl Fn(&M) -> i64, node: impl Fn(M) -> $node) -> Self {
                let end_cursor = page.rows.last().map(|m| encode_cursor(id(m)));
                let edges =
                    page.rows.into_iter().map(|m| $edge { cursor: encode_cursor(id(&m)), node: node(m) }).collect();
                $connection {
                    edges,
                    page_info: PageInfo { has_next_page: page.has_next, end_cursor },
                    total_count: page.total,
                }
            }
        }
    };
}

connection!(ProjectConnection, ProjectEdge, ProjectObject);
connection!(OrganisationConnection, OrganisationEdge, OrganisationObject);
connection!(UserConnection, UserEdge, UserObject);
connection!(LibraryIndicatorConnection, LibraryIndicatorEdge, LibraryIndicatorObject);
connection!(TargetConnection, TargetEdge, TargetObject);
connection!(LedgerEntryConnection, LedgerEntryEdge, LedgerEntryObject);
connection!(ExAnteConnection, ExAnteEdge, ExAnteObject);
connection!(ExpertConnection, ExpertEdge, ExpertObject);
connection!(ExpertPanelConnection, ExpertPanelEdge, ExpertPanelObject);
connection!(PanelItemConnection, PanelItemEdge, PanelItemObject);
connection!(RoundUnitConnection, RoundUnitEdge, RoundUnitObject);
connection!(ProjectReportConnection, ProjectReportEdge, ProjectReportObject);
connection!(AuditEntryConnection, AuditEntryEdge, AuditEntryObject);

/// Complexity of a connection field: each requested row costs its fields.
pub fn page_complexity(child: usize, first: Option<i32>) -> usize {
    let rows = usize::try_from(first.unwrap_or(20).clamp(1, 100)).unwrap_or(100);
    rows.saturating_mul(child).saturating_add(1)
}
