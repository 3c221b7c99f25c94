mod organisation_form;
mod units_page;

pub use units_page::UnitsPage;
