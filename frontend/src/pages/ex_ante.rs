mod assessment_row;
mod conclude_form;
mod ex_ante_page;
mod start_form;

pub use ex_ante_page::ExAntePage;
