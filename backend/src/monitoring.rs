//! 绩效运行监控 ("双监控"): rounds, unit reports with computed lights,
//! decisions, execution data imported from Excel, statistics.

pub mod decision;
pub mod entity;
pub mod graphql;
pub mod import;
pub mod report;
pub mod service;
pub mod stats;
