//! 绩效运行监控 ("双监控"), one folder per part, each with its entity,
//! service and GraphQL layer: rounds and the units they cover, reports with
//! computed lights, decisions, the execution-data import, statistics.

pub mod decisions;
pub mod graphql;
pub mod import;
pub mod reports;
pub mod rounds;
pub mod statistics;
