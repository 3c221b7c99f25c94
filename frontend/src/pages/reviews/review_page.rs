use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::review_form::ReviewForm;
use crate::api::targets::{self, Target};
use crate::components::{Card, ChangeList, Found, Notice, PageHead, ReviewList, TargetView};
use crate::pages::targets::TargetHeader;

/// `/reviews/:project_id`: a submitted target read-only, what changed since
/// the previous revision, and the reviewer's decision.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    let reload = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("project_id")).unwrap_or_default();
        reload.track();
        targets::get(id)
    });
    let on_done = Callback::new(move |message: String| {
        notice.set(Some(Ok(message)));
        reload.update(|n| *n += 1);
    });
    view! {
        <PageHead title="审核绩效目标">
            <a href="/reviews" class="button secondary">"返回待办"</a>
        </PageHead>
        <Notice message=notice />
        <Found resource=data missing="该项目尚无绩效目标，或您无权查看。" let:target>
            {review_body(target, on_done)}
        </Found>
    }
}

fn review_body(target: Target, on_done: Callback<String>) -> impl IntoView {
    let project = target.summary.project.clone();
    let state = target.summary.state;
    let latest = target.revisions.last().cloned();
    let changes_title =
        latest.as_ref().map_or_else(|| "本版变化".to_owned(), |rev| format!("第 {} 版与上一版相比的变化", rev.number));
    let empty = if latest.as_ref().is_some_and(|rev| rev.number > 1) {
        "与上一版相比无变化"
    } else {
        "首次提交，无前一版"
    };
    let changes = latest.map(|rev| rev.changes).unwrap_or_default();
    view! {
        <TargetHeader project=project.clone() target=Some(target.clone()) />
        <Card title=changes_title>
            <ChangeList changes empty id="review-changes" />
        </Card>
        <Card>
            <TargetView
                overall_goal=target.summary.overall_goal
                indicators=target.summary.indicators
                goal_id="target-goal"
            />
        </Card>
        <ReviewForm project_id=project.id state on_done />
        <Card title="审核记录">
            <ReviewList reviews=target.reviews />
        </Card>
    }
}
