mod create_user_panel;
mod grant_form;
mod users_page;

pub use users_page::UsersPage;
