use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::project_form::ProjectForm;
use crate::api::projects;
use crate::components::{EmptyState, Loaded, PageHead};

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
        <Loaded resource=project let:found>
            {match found {
                Some(project) => view! { <ProjectForm year=project.year.clone() initial=Some(project) /> }.into_any(),
                None => view! { <EmptyState text="项目不存在，或您无权查看。" /> }.into_any(),
            }}
        </Loaded>
    }
}
