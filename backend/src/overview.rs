//! The county overview for leadership and the 绩效股: projects and amounts of
//! a year by budget type and by unit kind, computed by the database.

pub mod graphql;
pub mod service;
