//! What units report in a round: each project's executed amount and every
//! indicator's progress, with lights computed authoritatively on save.

pub mod entity;
pub mod graphql;
pub mod indicator;
pub mod loader;
pub mod service;
pub mod write;
