use leptos::prelude::*;

use crate::api::monitoring::Round;

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
