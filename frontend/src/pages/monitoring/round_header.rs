use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::api::monitoring::{self, Round};
use crate::components::{Found, PageHead};
use crate::contexts::use_years;

/// A page about the round of the route's `:round_id` (looked for in the
/// selected year first): the head with 返回监控任务, then `children` with the
/// round, or `missing`.
#[component]
pub fn RoundRoute<F, IV>(title: &'static str, missing: &'static str, children: F) -> impl IntoView
where
    F: Fn(Round) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let params = use_params_map();
    let years = use_years();
    let resource: LocalResource<Result<Option<Round>, ApiError>> = LocalResource::new(move || {
        let id = params.with(|p| p.get("round_id")).unwrap_or_default();
        let hint = years.current.get_untracked().map(|y| y.id);
        monitoring::find_round(id, hint)
    });
    view! {
        <PageHead title>
            <a href="/monitoring" class="button secondary">"返回监控任务"</a>
        </PageHead>
        <Found resource missing let:round>
            {children(round)}
        </Found>
    }
}

/// The title of a round: `9 月监控`.
pub fn round_title(round: &Round) -> String {
    format!("{} 月监控", round.month)
}

/// 进行中 / 已结束.
pub fn round_state(round: &Round, id: Option<&'static str>) -> AnyView {
    if round.open {
        view! { <span class="tag ok" id=id>"进行中"</span> }.into_any()
    } else {
        view! { <span class="tag muted" id=id>"已结束"</span> }.into_any()
    }
}

/// A round's facts: checkpoint, due date, light rule, whether it is open.
#[component]
pub fn RoundFacts(round: Round) -> impl IntoView {
    let state = round_state(&round, Some("round-state"));
    view! {
        <dl class="facts round-facts">
            <dt>"监控节点"</dt>
            <dd id="round-month">{format!("{} 月（数据截至 {} 月末）", round.month, round.month)}</dd>
            <dt>"截止日期"</dt>
            <dd id="round-due">{round.due_date.clone()}</dd>
            <dt>"亮灯规则"</dt>
            <dd id="round-rule">{round.rule_kind().label()}</dd>
            <dt>"状态"</dt>
            <dd>{state}</dd>
        </dl>
    }
}
