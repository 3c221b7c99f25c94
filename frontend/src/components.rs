//! Shared widgets, one per file.

pub mod app_header;
pub mod async_section;
pub mod bar_chart;
pub mod empty_state;
pub mod enum_select;
pub mod error_list;
pub mod field_error;
pub mod forbidden;
pub mod loading;
pub mod pager;
pub mod require_nav;
pub mod side_nav;
pub mod year_gate;
pub mod year_select;

pub use app_header::AppHeader;
pub use async_section::AsyncSection;
pub use bar_chart::BarChart;
pub use empty_state::EmptyState;
pub use enum_select::EnumSelect;
pub use error_list::ErrorList;
pub use field_error::FieldError;
pub use forbidden::Forbidden;
pub use loading::Loading;
pub use pager::{Pager, PagerState};
pub use require_nav::RequireNav;
pub use side_nav::SideNav;
pub use year_gate::YearGate;
pub use year_select::YearSelect;
