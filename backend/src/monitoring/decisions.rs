//! The 绩效股's decisions on projects after a round (继续执行, 调减, 收回, 暂缓拨款).

pub mod entity;
pub mod graphql;
pub mod service;
