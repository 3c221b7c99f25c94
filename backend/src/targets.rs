//! Performance targets (绩效目标), their revisions and the review chain.

pub mod chain;
pub mod entity;
pub mod graphql;
pub mod review;
pub mod revision;
pub mod service;
