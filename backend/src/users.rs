//! Users: one organisation, one role each. 三员分立: the 系统管理员 opens
//! accounts (`service`), the 安全管理员 grants roles, resets passwords and
//! unlocks (`grants`); new and reset accounts get a one-time password
//! (`one_time`) that must be changed at the first login.

pub mod entity;
pub mod grants;
pub mod graphql;
pub mod one_time;
pub mod service;
