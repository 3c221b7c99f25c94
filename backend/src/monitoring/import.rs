//! Execution data from Excel: a template per round and a background import,
//! all rows or none, with progress visible while it runs.

pub mod entity;
pub mod graphql;
pub mod service;
pub mod xlsx;
