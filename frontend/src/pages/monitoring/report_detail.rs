use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::monitoring::{DeviationReason, Likelihood};

use super::decision_form::{DecisionForm, decision_view};
use crate::api::monitoring::{IndicatorReport, ProjectReport};
use crate::components::{Column, DataTable, LightBadge};
use crate::format::{date_time, percent};
use shared::money::format_yuan;

/// A project's report as the unit gave it: execution, every indicator's
/// progress, likelihood, forecast, reasons and measures with its light; then
/// the decision, or (绩效股) the form to take one.
#[component]
pub fn ReportDetail(
    report: ProjectReport,
    round_id: String,
    can_decide: bool,
    on_decided: Callback<()>,
) -> impl IntoView {
    let budget = report.project.approved_amount.unwrap_or(report.project.requested_amount);
    let indicators = view! {
        <DataTable id="report-indicators" class="report-indicators" empty="未填报指标完成情况（仅导入了执行金额，或项目没有已批复的绩效目标）。"
            columns=indicator_columns() rows=report.indicators.clone() />
    };
    let decision = match (&report.decision, can_decide) {
        (Some(d), _) => decision_view(d).into_any(),
        (None, true) => view! {
            <DecisionForm round_id project_id=report.project.id.clone() budget on_done=on_decided />
        }
        .into_any(),
        (None, false) => view! { <p class="meta" id="decision-existing">"尚未作出处理决定。"</p> }.into_any(),
    };
    let (exec_light, light) = (report.execution_light, report.light);
    view! {
        <div class="report-detail" id="report-detail" data-project=report.project.id.clone()>
            <dl class="facts">
                <dt>"项目"</dt>
                <dd>{format!("{} {}（{}）", report.project.code, report.project.name, report.unit.name)}</dd>
                <dt>"批复金额"</dt>
                <dd>{format!("{} 元", format_yuan(budget))}</dd>
                <dt>"执行金额"</dt>
                <dd>
                    {format!("{} 元，执行率 {} ", format_yuan(report.executed_amount), percent(report.execution_rate))}
                    <LightBadge light=Signal::derive(move || exec_light) />
                </dd>
                <dt>"项目灯"</dt>
                <dd>
                    <LightBadge light=Signal::derive(move || light) />
                </dd>
                <dt>"上报时间"</dt>
                <dd>{date_time(&report.updated_at)}</dd>
            </dl>
            {indicators}
            {decision}
        </div>
    }
}

fn indicator_columns() -> Vec<Column<IndicatorReport>> {
    let number = |v: Option<Decimal>| v.map_or_else(|| "—".to_owned(), |v| v.normalize().to_string());
    vec![
        Column::new("绩效指标", |i: &IndicatorReport| i.name.clone()).wrap(),
        Column::new("截至目前完成值 / 完成情况", move |i: &IndicatorReport| match i.qualitative {
            Some(q) => q.label().to_owned(),
            None => number(i.actual),
        }),
        Column::new("完成可能性", |i: &IndicatorReport| i.likelihood.map_or("—", Likelihood::label)),
        Column::new("全年预计完成值", move |i: &IndicatorReport| number(i.forecast)),
        Column::new("偏差原因", |i: &IndicatorReport| {
            if i.reasons.is_empty() {
                "—".to_owned()
            } else {
                i.reasons.iter().map(|r| DeviationReason::label(*r)).collect::<Vec<_>>().join("、")
            }
        }),
        Column::new(
            "纠偏措施",
            |i: &IndicatorReport| if i.measures.is_empty() { "—".to_owned() } else { i.measures.clone() },
        )
        .wrap(),
        Column::light("指标灯", |i: &IndicatorReport| i.light),
    ]
}
