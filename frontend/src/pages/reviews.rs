mod review_form;
mod review_page;
mod review_queue_page;

pub use review_page::ReviewPage;
pub use review_queue_page::ReviewQueuePage;
