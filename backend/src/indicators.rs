//! The indicator library (指标库): common indicators by field (共性指标), the
//! characteristic indicators units propose (特性指标) and their review into
//! the library (入库), the starter set every database gets, and the
//! spreadsheet export and import.

pub mod entity;
pub mod graphql;
pub mod import;
pub mod service;
pub mod starter;
pub mod xlsx;
