mod project_edit_page;
mod project_form;
mod project_new_page;
mod projects_page;

pub use project_edit_page::ProjectEditPage;
pub use project_new_page::ProjectNewPage;
pub use projects_page::ProjectsPage;
