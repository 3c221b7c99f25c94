mod home_page;
mod not_found_page;
mod shell_page;

pub use home_page::HomePage;
pub use not_found_page::NotFoundPage;
pub use shell_page::ShellPage;
