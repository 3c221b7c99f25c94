//! Jixiao's server: a GraphQL API with role-based access over sea-orm, which
//! also serves the WASM frontend. See `docs/ARCHITECTURE.md`.

pub mod audit;
pub mod config;
pub mod demo;
pub mod error;
pub mod ex_ante;
pub mod experts;
pub mod exports;
pub mod graphql;
pub mod http;
pub mod indicators;
pub mod input;
pub mod ledger;
pub mod loader;
pub mod monitoring;
pub mod organisations;
pub mod overview;
pub mod pagination;
pub mod projects;
pub mod request_limits;
pub mod rules;
pub mod schema;
pub mod scope;
pub mod sessions;
pub mod startup;
pub mod statistics;
pub mod targets;
pub mod telemetry;
pub mod tx;
pub mod users;
pub mod viewer;
pub mod years;
