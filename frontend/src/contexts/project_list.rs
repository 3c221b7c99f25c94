//! The filters and page of the projects list, kept for the whole session so
//! that returning from the project form shows the list as it was left.

use leptos::prelude::*;
use shared::projects::{BudgetType, ProjectKind};

use crate::components::PagerState;

/// The projects list's filters and current page.
#[derive(Debug, Clone, Copy)]
pub struct ProjectListState {
    pub budget_type: RwSignal<Option<BudgetType>>,
    pub kind: RwSignal<Option<ProjectKind>>,
    /// The applied search text (code or name).
    pub search: RwSignal<String>,
    pub pager: PagerState,
    /// The year the pages in `pager` belong to.
    pub year_id: RwSignal<Option<String>>,
}

/// Call once, in the workspace shell.
pub fn provide_project_list() {
    provide_context(ProjectListState {
        budget_type: RwSignal::new(None),
        kind: RwSignal::new(None),
        search: RwSignal::new(String::new()),
        pager: PagerState::new(),
        year_id: RwSignal::new(None),
    });
}

pub fn use_project_list() -> ProjectListState {
    expect_context::<ProjectListState>()
}
