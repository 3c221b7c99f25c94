//! The GraphQL API (`backend/schema.graphql`), one module per domain.
//! Every document sent is a file under `api/graphql/` (one operation each, by
//! domain; shared selections in `graphql/fragments.graphql`), included with
//! `include_str!` and checked against the schema by
//! `tests/api/frontend_queries.rs`. `client` is the transport: POST, bearer
//! token, refresh-once, error mapping.

pub mod client;
pub mod connection;
pub mod ex_ante;
pub mod experts;
pub mod indicators;
pub mod ledger;
pub mod monitoring;
pub mod organisations;
pub mod overview;
pub mod projects;
pub mod reviews;
pub mod sessions;
pub mod statistics;
pub mod targets;
pub mod users;
pub mod years;

pub use client::{ApiError, ErrorCode};
pub use connection::Connection;
