//! The expert pool (专家库): experts' fields and declared conflicts, panels
//! drawn at random, and the opinions experts record on their items.

pub mod batch;
pub mod graphql;
pub mod loader;
pub mod opinion;
pub mod panel;
pub mod panel_review;
pub mod profile;
pub mod service;
