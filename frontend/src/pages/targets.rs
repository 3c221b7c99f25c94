mod indicator_row;
mod library_picker;
mod row_draft;
mod target_editor;
mod target_header;
mod target_history;
mod target_issues;
mod target_page;

pub use target_header::TargetHeader;
pub use target_page::TargetPage;
