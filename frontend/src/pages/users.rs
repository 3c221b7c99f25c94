mod create_user_panel;
mod users_page;

pub use users_page::UsersPage;
