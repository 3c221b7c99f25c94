mod statistics_page;

pub use statistics_page::StatisticsPage;
