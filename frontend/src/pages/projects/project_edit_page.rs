use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::project_form::ProjectForm;
use crate::api::projects;
use crate::components::{Found, PageHead};

/// `/projects/:id/edit`.
#[component]
pub fn ProjectEditPage() -> impl IntoView {
    let params = use_params_map();
    let project = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        projects::get(id)
    });
    view! {
        <PageHead title="编辑项目" />
        <Found resource=project missing="项目不存在，或您无权查看。" let:project>
            <ProjectForm year=project.year.clone() initial=Some(project) />
        </Found>
    }
}
