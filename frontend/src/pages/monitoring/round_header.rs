use leptos::prelude::*;

use crate::api::monitoring::Round;

/// The title of a round: `9 月监控`.
pub fn round_title(round: &Round) -> String {
    format!("{} 月监控", round.month)
}

/// A round's facts: checkpoint, due date, light rule, whether it is open.
#[component]
pub fn RoundFacts(round: Round) -> impl IntoView {
    let state = if round.open {
        view! { <span class="tag ok" id="round-state">"进行中"</span> }
    } else {
        view! { <span class="tag muted" id="round-state">"已结束"</span> }
    };
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
