//! The screens, one folder per domain.

pub mod ex_ante;
pub mod experts;
pub mod inbox;
pub mod indicators;
pub mod ledger;
pub mod monitoring;
pub mod organisations;
pub mod overview;
pub mod projects;
pub mod reviews;
pub mod sessions;
pub mod statistics;
pub mod targets;
pub mod users;
pub mod workspace;
pub mod years;
