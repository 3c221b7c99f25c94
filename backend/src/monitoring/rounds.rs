//! Monitoring rounds (监控任务) and the units each covers.

pub mod entity;
pub mod graphql;
pub mod service;
pub mod unit;
