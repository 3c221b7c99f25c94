//! Users: one organisation, one role each. Administered by the admin only.

pub mod entity;
pub mod graphql;
pub mod service;
