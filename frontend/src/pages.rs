//! The screens, one folder per domain.

pub mod auth;
pub mod ex_ante;
pub mod inbox;
pub mod ledger;
pub mod library;
pub mod monitoring;
pub mod organisations;
pub mod overview;
pub mod panels;
pub mod projects;
pub mod reviews;
pub mod statistics;
pub mod targets;
pub mod users;
pub mod workspace;
pub mod years;
