mod import_export;
mod indicator_form;
mod library_browser;
mod library_page;
mod library_rows;

pub use library_page::LibraryPage;
pub use library_rows::entry_columns;
