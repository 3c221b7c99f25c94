//! App-wide state, each provided once with a `provide_*` function.

pub mod project_list;
pub mod session;
pub mod years;

pub use project_list::{ProjectListState, provide_project_list, use_project_list};
pub use session::{Session, SessionState, provide_session, use_session};
pub use years::{YearsContext, provide_years, use_years};
