mod inbox_page;

pub use inbox_page::InboxPage;
