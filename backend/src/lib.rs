//! Jixiao's server: a GraphQL API with role-based access over sea-orm, which
//! also serves the WASM frontend. See `docs/ARCHITECTURE.md`.

pub mod audit;
pub mod config;
pub mod demo;
pub mod error;
pub mod graphql;
pub mod loader;
pub mod organisations;
pub mod overview;
pub mod pagination;
pub mod projects;
pub mod schema;
pub mod scope;
pub mod sessions;
pub mod startup;
pub mod telemetry;
pub mod users;
pub mod viewer;
pub mod years;
