//! The screens, one folder per domain.

pub mod auth;
pub mod inbox;
pub mod organisations;
pub mod overview;
pub mod projects;
pub mod users;
pub mod workspace;
pub mod years;
