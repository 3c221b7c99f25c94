//! The monitoring API, merged from its parts for `schema.rs`.

use async_graphql::MergedObject;

use super::decisions::graphql::DecisionMutation;
use super::import::graphql::{ImportMutation, ImportQuery};
pub use super::reports::graphql::ProjectReportObject;
use super::reports::graphql::{ReportMutation, ReportQuery};
pub use super::rounds::graphql::RoundUnitObject;
use super::rounds::graphql::{RoundMutation, RoundQuery};
use super::statistics::graphql::MonitoringStatisticsQuery;

#[derive(MergedObject, Default)]
pub struct MonitoringQuery(RoundQuery, ReportQuery, MonitoringStatisticsQuery, ImportQuery);

#[derive(MergedObject, Default)]
pub struct MonitoringMutation(RoundMutation, ReportMutation, DecisionMutation, ImportMutation);
