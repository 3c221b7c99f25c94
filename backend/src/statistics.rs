//! Statistics of a year's ex-ante assessments and target reviews, as the
//! annual report quotes them — computed from the records, never typed.

pub mod graphql;
pub mod service;
