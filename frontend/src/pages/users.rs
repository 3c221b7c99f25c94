mod create_user_panel;
mod grant_form;
mod org_select;
mod users_page;

pub use users_page::UsersPage;
