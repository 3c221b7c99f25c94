use leptos::prelude::*;
use shared::money::format_yuan;

use crate::api::projects::Project;

/// The facts of a project an assessor needs: unit, kind, budget, amount, new or continuing.
#[component]
pub fn ProjectFacts(project: Project) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>"项目"</dt><dd>{format!("{} {}", project.code, project.name)}</dd>
            <dt>"单位"</dt><dd>{project.unit.name}</dd>
            <dt>"类型"</dt><dd>{format!("{} · {}", project.kind.label(), project.budget_type.label())}</dd>
            <dt>"申报金额"</dt><dd>{format!("{} 元", format_yuan(project.requested_amount))}</dd>
            <dt>"新增/延续"</dt><dd>{if project.is_new { "新增" } else { "延续" }}</dd>
        </dl>
    }
}
