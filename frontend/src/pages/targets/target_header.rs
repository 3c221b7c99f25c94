use leptos::prelude::*;
use shared::ex_ante::allows_approval;
use shared::money::format_yuan;
use shared::reviews::TargetState;

use crate::api::projects::Project;
use crate::api::targets::Target;
use crate::format::{number, percent};

/// The project a target belongs to, the target's state (`#target-state`),
/// revision, and the ex-ante gate.
#[component]
pub fn TargetHeader(project: Project, target: Option<Target>) -> impl IntoView {
    let state = target.as_ref().map_or(TargetState::Draft, |t| t.summary.state);
    let state_class = match state {
        TargetState::Approved => "tag ok",
        TargetState::Returned => "tag danger",
        _ => "tag",
    };
    let details = target.map(|t| {
        let gate = t.requires_ex_ante.then(|| match &t.ex_ante {
            Some(a) if a.conclusion.is_some_and(allows_approval) => {
                let score = a.total_score.map(|s| format!("，总分 {}", number(s))).unwrap_or_default();
                format!("事前绩效评估：{}{score}", a.conclusion.map_or("", |c| c.label()))
            }
            Some(a) => match a.conclusion {
                Some(c) => format!("事前绩效评估结论为“{}”，目标不能批复", c.label()),
                None => format!("事前绩效评估{}，结论为予以支持或调整后支持后方可批复", a.state.label()),
            },
            None => "该项目须开展事前绩效评估，结论为予以支持或调整后支持后方可批复".to_owned(),
        });
        view! {
            <span>{format!("已提交 {} 版", t.summary.revision)}</span>
            <span>{format!("定量指标占比 {}", percent(t.summary.quantified_share))}</span>
            {(!t.adjusted_total.is_zero())
                .then(|| view! { <span>{format!("审核调整预算 {} 元", format_yuan(t.adjusted_total))}</span> })}
            {gate.map(|text| view! { <div class="notice info" id="target-ex-ante">{text}</div> })}
        }
    });
    view! {
        <div class="card target-header">
            <div class="toolbar">
                <strong>{format!("{} {}", project.code, project.name)}</strong>
                <span class="meta">{project.unit.name.clone()}</span>
                <span class="meta">{format!("{} · {}", project.kind.label(), project.budget_type.label())}</span>
                <span class="meta">{format!("申报金额 {} 元", format_yuan(project.requested_amount))}</span>
                <span>"状态 " <span class=state_class id="target-state">{state.label()}</span></span>
                {details}
            </div>
        </div>
    }
}
