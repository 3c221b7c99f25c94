use leptos::prelude::*;
use shared::money::format_wan;

use crate::api::statistics::{self, ConclusionCount, StepCount, TargetStatistics, UnitKindTargetCount};
use crate::components::{Card, Column, DataTable, Kpi, YearData};
use crate::format::percent;

/// 统计: the year's 事前绩效评估 and 目标审核 figures as the annual report
/// quotes them, computed from the data. Amounts in 万元.
#[component]
pub fn StatisticsPage() -> impl IntoView {
    view! {
        <div id="statistics">
            <YearData title="统计" load=statistics::targets let:stats>
                {statistics_view(stats)}
            </YearData>
        </div>
    }
}

fn statistics_view(s: TargetStatistics) -> impl IntoView {
    let conclusions = vec![
        Column::new("评估结论", |c: &ConclusionCount| c.conclusion.label()),
        Column::num("项目数", |c: &ConclusionCount| c.count),
        Column::wan("申报金额(万元)", |c: &ConclusionCount| c.requested),
        Column::wan("评减金额(万元)", |c: &ConclusionCount| c.cut),
    ];
    let steps = vec![
        Column::new("审核环节", |c: &StepCount| c.step.label()),
        Column::num("通过", |c: &StepCount| c.passed),
        Column::num("退回", |c: &StepCount| c.returned),
    ];
    let unit_kinds = vec![
        Column::new("单位类型", |c: &UnitKindTargetCount| c.unit_kind.label()),
        Column::num("审核目标", |c: &UnitKindTargetCount| c.reviewed),
        Column::num("退回", |c: &UnitKindTargetCount| c.returned),
    ];
    view! {
        <Card title=format!("{} 年度事前绩效评估", s.year.year)>
            <div class="kpis">
                <Kpi label="开展事前绩效评估" id="stat-assessed" value=s.assessed.to_string() unit="个" />
            </div>
            <DataTable id="stat-by-conclusion"
                columns=conclusions rows=s.assessed_by_conclusion row_key=Some(|c: &ConclusionCount| c.conclusion.as_str().to_owned()) />
        </Card>
        <Card title="绩效目标审核">
            <div class="kpis">
                <Kpi label="审核目标" id="stat-reviewed" value=s.targets_reviewed.to_string() unit="个" />
                <Kpi label="退回修改" id="stat-returned" value=s.targets_returned.to_string() unit="个" />
                <Kpi label="退回比例" id="stat-returned-share" value=percent(s.returned_share) />
                <Kpi label="调整预算项目" id="stat-adjusted-projects" value=s.projects_adjusted.to_string() unit="个" />
                <Kpi label="调整预算金额" id="stat-adjusted-amount" value=format_wan(s.adjusted_amount) unit="万元" />
            </div>
            <div class="two-col">
                <DataTable id="stat-by-step" columns=steps rows=s.by_step />
                <DataTable id="stat-by-unit-kind" columns=unit_kinds rows=s.by_unit_kind />
            </div>
        </Card>
    }
}
