//! The GraphQL API (docs/api-contract.graphql, docs/api-contract-targets.graphql), one module per domain.
//! `client` is the transport: POST, bearer token, refresh-once, error mapping.

pub mod auth;
pub mod client;
pub mod connection;
pub mod ex_ante;
pub mod experts;
pub mod ledger;
pub mod library;
pub mod monitoring;
pub mod organisations;
pub mod overview;
pub mod panels;
pub mod projects;
pub mod reviews;
pub mod statistics;
pub mod targets;
pub mod users;
pub mod years;

pub use client::{ApiError, ErrorCode};
pub use connection::Connection;
