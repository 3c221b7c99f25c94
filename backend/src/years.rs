//! Fiscal years (预算年度).

pub mod entity;
pub mod graphql;
pub mod service;
