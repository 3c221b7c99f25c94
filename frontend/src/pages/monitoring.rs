mod decision_form;
mod figures;
mod import_panel;
mod indicator_entry;
mod monitoring_page;
mod open_round_form;
mod project_report_form;
mod report_detail;
mod report_page;
mod round_header;
mod round_page;
mod round_reports;
mod round_units;
mod unit_lights;

pub use monitoring_page::MonitoringPage;
pub use report_page::UnitReportPage;
pub use round_page::RoundPage;
