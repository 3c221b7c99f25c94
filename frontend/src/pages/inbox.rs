mod expert_inbox;
mod firm_inbox;
mod inbox_page;
mod opinion_form;
mod project_facts;

pub use inbox_page::InboxPage;
