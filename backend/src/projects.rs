//! Projects and policies (项目/政策) of the budget units.

pub mod entity;
pub mod graphql;
pub mod service;
