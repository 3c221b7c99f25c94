mod expert_editor;
mod experts_tab;
mod panel_card;
mod panel_form;
mod panels_page;

pub use panels_page::PanelsPage;
