//! The GraphQL API (docs/api-contract.graphql), one module per domain.
//! `client` is the transport: POST, bearer token, refresh-once, error mapping.

pub mod auth;
pub mod client;
pub mod connection;
pub mod organisations;
pub mod overview;
pub mod projects;
pub mod users;
pub mod years;

pub use client::{ApiError, ErrorCode};
pub use connection::Connection;
