//! API tests through the real HTTP server. The same binary runs on SQLite
//! (default) and PostgreSQL (`JIXIAO_TEST_DB=postgres`).

mod audit;
mod audit_chain;
mod authz_matrix;
mod bad_input;
mod demo;
mod frontend_queries;
mod gate;
mod health;
mod http;
mod indicators;
mod money;
mod monitoring;
mod monitoring_lights;
mod organisations;
mod overview;
mod projects;
mod request_limits;
mod schema;
mod sessions;
mod statements;
mod targets;
mod users;
mod years;
