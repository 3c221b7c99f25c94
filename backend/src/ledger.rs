//! The adjustment ledger (结果应用): every budget consequence of every stage.

pub mod entity;
pub mod graphql;
pub mod service;
