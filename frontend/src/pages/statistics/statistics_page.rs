use leptos::prelude::*;
use shared::money::format_wan;

use crate::api::ApiError;
use crate::api::statistics::{self, TargetStatistics};
use crate::api::years::FiscalYear;
use crate::components::{AsyncSection, YearGate, YearSelect};
use crate::format::percent;

/// 统计: the year's 事前绩效评估 and 目标审核 figures as the annual report
/// quotes them, computed from the data. Amounts in 万元.
#[component]
pub fn StatisticsPage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"统计"</h1>
            <div class="toolbar">
                <YearSelect />
            </div>
        </div>
        <div id="statistics">
            <YearGate let:year>
                <StatisticsBody year />
            </YearGate>
        </div>
    }
}

#[component]
fn StatisticsBody(year: FiscalYear) -> impl IntoView {
    let year_id = year.id;
    let data = LocalResource::new(move || statistics::targets(year_id.clone()));
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                let stats = data.await?;
                Ok::<_, ApiError>(statistics_view(stats))
            })}
        </AsyncSection>
    }
}

fn kpi(label: &'static str, id: &'static str, value: String, unit: &'static str) -> impl IntoView {
    view! {
        <div class="kpi">
            <div class="kpi-label">{label}</div>
            <div><span class="kpi-value" id=id>{value}</span><span class="kpi-unit">{unit}</span></div>
        </div>
    }
}

fn statistics_view(s: TargetStatistics) -> impl IntoView {
    let conclusions = s
        .assessed_by_conclusion
        .into_iter()
        .map(|c| {
            view! {
                <tr data-key=c.conclusion.as_str()>
                    <td>{c.conclusion.label()}</td>
                    <td class="num">{c.count}</td>
                    <td class="num">{format_wan(c.requested)}</td>
                    <td class="num">{format_wan(c.cut)}</td>
                </tr>
            }
        })
        .collect_view();
    let steps = s
        .by_step
        .into_iter()
        .map(|c| {
            view! {
                <tr data-key=c.step.as_str()>
                    <td>{c.step.label()}</td>
                    <td class="num">{c.passed}</td>
                    <td class="num">{c.returned}</td>
                </tr>
            }
        })
        .collect_view();
    let unit_kinds = s
        .by_unit_kind
        .into_iter()
        .map(|c| {
            view! {
                <tr data-key=c.unit_kind.as_str()>
                    <td>{c.unit_kind.label()}</td>
                    <td class="num">{c.reviewed}</td>
                    <td class="num">{c.returned}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card">
            <h2>{format!("{} 年度事前绩效评估", s.year.year)}</h2>
            <div class="kpis">{kpi("开展事前绩效评估", "stat-assessed", s.assessed.to_string(), "个")}</div>
            <table class="data" id="stat-by-conclusion">
                <thead>
                    <tr><th>"评估结论"</th><th class="num">"项目数"</th><th class="num">"申报金额(万元)"</th><th class="num">"评减金额(万元)"</th></tr>
                </thead>
                <tbody>{conclusions}</tbody>
            </table>
        </div>
        <div class="card">
            <h2>"绩效目标审核"</h2>
            <div class="kpis">
                {kpi("审核目标", "stat-reviewed", s.targets_reviewed.to_string(), "个")}
                {kpi("退回修改", "stat-returned", s.targets_returned.to_string(), "个")}
                {kpi("退回比例", "stat-returned-share", percent(s.returned_share), "")}
                {kpi("调整预算项目", "stat-adjusted-projects", s.projects_adjusted.to_string(), "个")}
                {kpi("调整预算金额", "stat-adjusted-amount", format_wan(s.adjusted_amount), "万元")}
            </div>
            <div class="two-col">
                <table class="data" id="stat-by-step">
                    <thead><tr><th>"审核环节"</th><th class="num">"通过"</th><th class="num">"退回"</th></tr></thead>
                    <tbody>{steps}</tbody>
                </table>
                <table class="data" id="stat-by-unit-kind">
                    <thead><tr><th>"单位类型"</th><th class="num">"审核目标"</th><th class="num">"退回"</th></tr></thead>
                    <tbody>{unit_kinds}</tbody>
                </table>
            </div>
        </div>
    }
}
