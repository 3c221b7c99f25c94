use leptos::prelude::*;

use super::project_form::ProjectForm;
use crate::components::YearGate;

/// `/projects/new`: a project of the selected budget year.
#[component]
pub fn ProjectNewPage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"新建项目"</h1>
        </div>
        <YearGate let:year>
            <ProjectForm year initial=None />
        </YearGate>
    }
}
