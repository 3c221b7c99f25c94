use leptos::prelude::*;

use super::project_form::ProjectForm;
use crate::components::{PageHead, YearGate};

/// `/projects/new`: a project of the selected budget year.
#[component]
pub fn ProjectNewPage() -> impl IntoView {
    view! {
        <PageHead title="新建项目" />
        <YearGate let:year>
            <ProjectForm year initial=None />
        </YearGate>
    }
}
