//! The one place the GraphQL schema is assembled, for `main`, the tests and
//! the SDL snapshot.

use std::time::Duration;

use async_graphql::{EmptySubscription, MergedObject, Schema};
use sea_orm::DatabaseConnection;

use crate::audit::graphql::AuditQuery;
use crate::ex_ante::graphql::{ExAnteMutation, ExAnteQuery};
use crate::experts::graphql::{ExpertMutation, ExpertQuery};
use crate::indicators::graphql::{IndicatorMutation, IndicatorQuery};
use crate::ledger::graphql::LedgerQuery;
use crate::monitoring::graphql::{MonitoringMutation, MonitoringQuery};
use crate::organisations::graphql::{OrganisationMutation, OrganisationQuery};
use crate::overview::graphql::OverviewQuery;
use crate::projects::graphql::{ProjectMutation, ProjectQuery};
use crate::rules::graphql::{RuleMutation, RuleQuery};
use crate::sessions::graphql::SessionMutation;
use crate::sessions::service::Auth;
use crate::statistics::graphql::StatisticsQuery;
use crate::targets::graphql::{TargetMutation, TargetQuery};
use crate::users::graphql::{UserMutation, UserQuery};
use crate::years::graphql::{YearMutation, YearQuery};

#[derive(MergedObject, Default)]
pub struct Query(
    UserQuery,
    YearQuery,
    OrganisationQuery,
    ProjectQuery,
    OverviewQuery,
    IndicatorQuery,
    TargetQuery,
    ExpertQuery,
    ExAnteQuery,
    LedgerQuery,
    StatisticsQuery,
    RuleQuery,
    MonitoringQuery,
    AuditQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(
    SessionMutation,
    UserMutation,
    YearMutation,
    OrganisationMutation,
    ProjectMutation,
    IndicatorMutation,
    TargetMutation,
    ExpertMutation,
    ExAnteMutation,
    RuleMutation,
    MonitoringMutation,
);

pub type AppSchema = Schema<Query, Mutation, EmptySubscription>;

/// Deepest selection accepted (a project's unit's section's parent is 5).
pub const MAX_DEPTH: usize = 10;
/// Largest total complexity; a full page of 100 projects with every field fits.
pub const MAX_COMPLEXITY: usize = 3_000;

pub fn build(db: DatabaseConnection, auth: Auth) -> AppSchema {
    build_with(db, auth, crate::loader::DEFAULT_DELAY, true)
}

/// The schema with DataLoaders that wait `loader_delay` to batch keys;
/// without `introspection`, `__schema` and `__type` are refused (production).
pub fn build_with(db: DatabaseConnection, auth: Auth, loader_delay: Duration, introspection: bool) -> AppSchema {
    let mut builder = Schema::build(Query::default(), Mutation::default(), EmptySubscription);
    if !introspection {
        builder = builder.disable_introspection();
    }
    crate::loader::register(builder, &db, loader_delay)
        .data(db)
        .data(auth)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .limit_recursive_depth(32)
        .limit_directives(8)
        .extension(crate::request_limits::RequestLimits)
        .finish()
}

/// The schema's SDL, committed as `backend/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription).finish().sdl()
}
