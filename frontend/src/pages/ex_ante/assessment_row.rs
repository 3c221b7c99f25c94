use leptos::prelude::*;
use shared::ex_ante::AssessmentState;
use shared::money::format_yuan;

use super::conclude_form::ConcludeForm;
use crate::api::ex_ante::ExAnteAssessment;
use crate::components::{Column, RowDetail, ScoreTable};
use crate::format::{date_time, number};

fn concludable(a: &ExAnteAssessment, can_conclude: bool) -> bool {
    can_conclude && a.state != AssessmentState::Concluded
}

/// The columns of an assessment (`.ex-ante-row`); `.ex-ante-open` unfolds it.
pub fn assessment_columns(can_conclude: bool, open: RwSignal<Option<String>>) -> Vec<Column<ExAnteAssessment>> {
    vec![
        Column::new("项目编码", |a: &ExAnteAssessment| a.project.code.clone()),
        Column::new("项目名称", |a: &ExAnteAssessment| a.project.name.clone()),
        Column::new("单位", |a: &ExAnteAssessment| a.project.unit.name.clone()),
        Column::yuan("申报金额(元)", |a: &ExAnteAssessment| Some(a.project.requested_amount)),
        Column::new("评估方式", |a: &ExAnteAssessment| match &a.firm {
            Some(firm) => format!("{}（{}）", a.assessor_kind.label(), firm.name),
            None => a.assessor_kind.label().to_owned(),
        }),
        Column::new("状态", |a: &ExAnteAssessment| view! { <span class="tag">{a.state.label()}</span> }),
        Column::num("总分", |a: &ExAnteAssessment| a.total_score.map_or_else(|| "—".to_owned(), number)),
        Column::new("结论", |a: &ExAnteAssessment| a.conclusion.map_or("—", |c| c.label())),
        Column::yuan("评减金额(元)", |a: &ExAnteAssessment| a.cut_amount),
        Column::new("操作", move |a: &ExAnteAssessment| {
            let id = a.id.clone();
            let concludable = concludable(a, can_conclude);
            let is_open = {
                let id = id.clone();
                move || open.with(|o| o.as_deref() == Some(id.as_str()))
            };
            let label = {
                let is_open = is_open.clone();
                move || match (is_open(), concludable) {
                    (true, _) => "收起",
                    (false, true) => "详情 / 出具结论",
                    (false, false) => "详情",
                }
            };
            view! {
                <button class="link ex-ante-open" on:click=move |_| {
                    open.set(if is_open() { None } else { Some(id.clone()) });
                }>{label}</button>
            }
        })
        .class("actions"),
    ]
}

/// An assessment unfolded: its scores, opinion and conclusion; the 绩效股
/// concludes from here.
pub fn assessment_detail(
    can_conclude: bool,
    open: RwSignal<Option<String>>,
    on_done: Callback<ExAnteAssessment>,
) -> RowDetail<ExAnteAssessment> {
    RowDetail::new(
        move |a: &ExAnteAssessment| open.with(|o| o.as_deref() == Some(a.id.as_str())),
        move |a: &ExAnteAssessment| {
            let scores = match a.scores.clone() {
                Some(scores) => view! { <ScoreTable scores total=a.total_score /> }.into_any(),
                None => view! { <p class="empty">"尚未评分"</p> }.into_any(),
            };
            let concluded = a.conclusion.map(|c| {
                let cut = a.cut_amount.map(|v| format!("，评减 {} 元", format_yuan(v))).unwrap_or_default();
                let when = a.concluded_at.as_deref().map(date_time).unwrap_or_default();
                format!("结论：{}{cut}（{when}）", c.label())
            });
            let form = concludable(a, can_conclude).then(|| view! { <ConcludeForm assessment=a.clone() on_done /> });
            view! {
                <div class="two-col">
                    <div>{scores}</div>
                    <div>
                        {(!a.opinion.is_empty()).then(|| view! { <p>{format!("评估意见：{}", a.opinion)}</p> })}
                        {concluded.map(|c| view! { <p><strong>{c}</strong></p> })}
                        {(!a.preconditions.is_empty()).then(|| view! { <p>{format!("拨付前须落实：{}", a.preconditions)}</p> })}
                        {form}
                    </div>
                </div>
            }
        },
    )
}
