//! Organisations: budget units (departments, townships), finance sections,
//! evaluation firms, the expert pool and the county leadership.

pub mod entity;
pub mod graphql;
pub mod service;
