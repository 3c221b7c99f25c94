use leptos::prelude::*;
use shared::ex_ante::AssessmentState;
use shared::money::format_yuan;

use super::conclude_form::ConcludeForm;
use crate::api::ex_ante::ExAnteAssessment;
use crate::components::ScoreTable;
use crate::format::{date_time, number};

/// One assessment (`.ex-ante-row`) and, unfolded, its scores, opinion and
/// conclusion; the 绩效股 concludes from here.
#[component]
pub fn AssessmentRow(
    assessment: ExAnteAssessment,
    can_conclude: bool,
    on_done: Callback<ExAnteAssessment>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let a = assessment.clone();
    let assessor = match &a.firm {
        Some(firm) => format!("{}（{}）", a.assessor_kind.label(), firm.name),
        None => a.assessor_kind.label().to_owned(),
    };
    let concludable = can_conclude && a.state != AssessmentState::Concluded;
    let details = move || {
        let a = assessment.clone();
        let scores = match a.scores.clone() {
            Some(scores) => view! { <ScoreTable scores total=a.total_score /> }.into_any(),
            None => view! { <p class="empty">"尚未评分"</p> }.into_any(),
        };
        let concluded = a.conclusion.map(|c| {
            let cut = a.cut_amount.map(|v| format!("，评减 {} 元", format_yuan(v))).unwrap_or_default();
            let when = a.concluded_at.as_deref().map(date_time).unwrap_or_default();
            format!("结论：{}{cut}（{when}）", c.label())
        });
        view! {
            <tr class="details">
                <td colspan="10">
                    <div class="two-col">
                        <div>
                            {scores}
                        </div>
                        <div>
                            {(!a.opinion.is_empty()).then(|| view! { <p>{format!("评估意见：{}", a.opinion)}</p> })}
                            {concluded.map(|c| view! { <p><strong>{c}</strong></p> })}
                            {(!a.preconditions.is_empty()).then(|| view! { <p>{format!("拨付前须落实：{}", a.preconditions)}</p> })}
                            {concludable.then(|| view! { <ConcludeForm assessment=a.clone() on_done /> })}
                        </div>
                    </div>
                </td>
            </tr>
        }
    };
    view! {
        <tr class="ex-ante-row" data-id=a.id.clone()>
            <td>{a.project.code.clone()}</td>
            <td>{a.project.name.clone()}</td>
            <td>{a.project.unit.name.clone()}</td>
            <td class="num">{format_yuan(a.project.requested_amount)}</td>
            <td>{assessor}</td>
            <td><span class="tag">{a.state.label()}</span></td>
            <td class="num">{a.total_score.map_or_else(|| "—".to_owned(), number)}</td>
            <td>{a.conclusion.map_or("—", |c| c.label())}</td>
            <td class="num">{a.cut_amount.map_or_else(|| "—".to_owned(), format_yuan)}</td>
            <td class="actions">
                <button class="link ex-ante-open" on:click=move |_| open.update(|o| *o = !*o)>
                    {move || match (open.get(), concludable) {
                        (true, _) => "收起",
                        (false, true) => "详情 / 出具结论",
                        (false, false) => "详情",
                    }}
                </button>
            </td>
        </tr>
        {move || open.get().then(details.clone())}
    }
}
