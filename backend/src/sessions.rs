//! Sessions: login, access tokens (JWT), rotating refresh tokens, lockout.

pub mod entity;
pub mod graphql;
pub mod jwt;
pub mod password;
pub mod service;
