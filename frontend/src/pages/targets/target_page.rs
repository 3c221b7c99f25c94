use futures::future::join;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::permissions::Capability;

use super::target_editor::TargetEditor;
use super::target_header::TargetHeader;
use super::target_history::TargetHistory;
use crate::api::ApiError;
use crate::api::projects::{self, Project};
use crate::api::targets::{self, Target};
use crate::components::{Card, EmptyState, Loaded, PageHead, ReviewList, TargetView};
use crate::contexts::use_session;

/// `/targets/:project_id`: a project's performance target. The unit edits it
/// while it is 编制中 or 已退回; everyone else (and the unit afterwards) reads
/// it, with the review record and the history of revisions.
#[component]
pub fn TargetPage() -> impl IntoView {
    let params = use_params_map();
    let session = use_session();
    let can_edit = session.can_untracked(Capability::EditTargets);
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("project_id")).unwrap_or_default();
        reload.track();
        async move {
            let (project, target) = join(projects::get(id.clone()), targets::get(id)).await;
            Ok::<_, ApiError>((project?, target?))
        }
    });
    let on_submitted = Callback::new(move |()| reload.update(|n| *n += 1));
    view! {
        <PageHead title="绩效目标">
            <a href="/projects" class="button secondary">"返回项目列表"</a>
        </PageHead>
        <Loaded resource=data let:loaded>
            {match loaded {
                (None, _) => view! { <EmptyState text="项目不存在，或您无权查看。" /> }.into_any(),
                (Some(project), target) => target_body(project, target, can_edit, on_submitted).into_any(),
            }}
        </Loaded>
    }
}

fn target_body(project: Project, target: Option<Target>, can_edit: bool, on_submitted: Callback<()>) -> impl IntoView {
    let state_editable = target.as_ref().is_none_or(|t| t.summary.state.is_editable());
    let year_open = !project.year.status.is_read_only();
    let editable = can_edit && state_editable && year_open;
    let closed_note = (can_edit && state_editable && !year_open)
        .then(|| view! { <div class="notice info">"该预算年度已关闭，绩效目标只读。"</div> });
    let (reviews, revisions) = target.as_ref().map(|t| (t.reviews.clone(), t.revisions.clone())).unwrap_or_default();
    let main = if editable {
        let project_id = project.id.clone();
        view! { <RulesThenEditor project_id initial=target.clone() on_submitted /> }.into_any()
    } else {
        match target.clone() {
            Some(t) => view! {
                <Card>
                    <TargetView overall_goal=t.summary.overall_goal indicators=t.summary.indicators goal_id="target-goal" />
                </Card>
            }
            .into_any(),
            None => view! { <EmptyState text="单位尚未编制该项目的绩效目标。" /> }.into_any(),
        }
    };
    view! {
        <TargetHeader project target />
        {closed_note}
        {main}
        <Card title="审核记录">
            <ReviewList reviews />
        </Card>
        <Card title="历史">
            <TargetHistory revisions />
        </Card>
    }
}

/// Loads the rule set (weights total) and then shows the editor.
#[component]
fn RulesThenEditor(project_id: String, initial: Option<Target>, on_submitted: Callback<()>) -> impl IntoView {
    let rules = LocalResource::new(targets::rules);
    let project_id = StoredValue::new(project_id);
    let initial = StoredValue::new(initial);
    view! {
        <Loaded resource=rules let:rules>
            <TargetEditor project_id=project_id.get_value() initial=initial.get_value() rules on_submitted />
        </Loaded>
    }
}
