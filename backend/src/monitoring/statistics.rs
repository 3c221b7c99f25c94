//! Monitoring statistics: a round's and a year's figures, and the dashboard's
//! units × lights grid. Computed from the records, never typed.

pub mod graphql;
pub mod service;
