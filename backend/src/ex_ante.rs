//! 事前绩效评估: assessments of new projects and policies by an expert panel
//! or a commissioned firm, their conclusions and the gate on approval.

pub mod entity;
pub mod graphql;
pub mod service;
