mod years_page;

pub use years_page::YearsPage;
