//! Sessions: login, access tokens (JWT), rotating refresh tokens, lockout,
//! login rate limits.

pub mod access;
pub mod entity;
pub mod graphql;
pub mod jwt;
pub mod login;
pub mod password;
pub mod service;
pub mod throttle;
