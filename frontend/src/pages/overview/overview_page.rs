use leptos::prelude::*;
use shared::money::format_wan;

use crate::api::overview::{self, BudgetTypeSummary, CountyOverview, UnitKindSummary};
use crate::components::{BarChart, Card, Column, DataTable, Kpi, YearData};

/// 县域总览 (leadership, 绩效股): the county's projects and amounts of a budget
/// year, by the four budgets and by unit kind. Amounts in 万元.
#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <div id="overview">
            <YearData title="县域总览" load=overview::county let:overview>
                {overview_view(overview)}
            </YearData>
        </div>
    }
}

fn overview_view(o: CountyOverview) -> impl IntoView {
    let bars = o.by_budget_type.iter().map(|row| (row.budget_type.label().to_owned(), row.approved_total)).collect();
    let unit_count: i64 = o.by_unit_kind.iter().map(|row| row.unit_count).sum();
    let totals = [o.project_count.to_string(), format_wan(o.requested_total), format_wan(o.approved_total)];
    let by_budget = vec![
        Column::new("预算类型", |r: &BudgetTypeSummary| r.budget_type.label()),
        Column::num("项目数", |r: &BudgetTypeSummary| r.project_count),
        Column::wan("申报金额(万元)", |r: &BudgetTypeSummary| r.requested_total),
        Column::wan("批复金额(万元)", |r: &BudgetTypeSummary| r.approved_total),
    ];
    let by_unit = vec![
        Column::new("单位类型", |r: &UnitKindSummary| r.unit_kind.label()),
        Column::num("单位数", |r: &UnitKindSummary| r.unit_count),
        Column::num("项目数", |r: &UnitKindSummary| r.project_count),
        Column::wan("申报金额(万元)", |r: &UnitKindSummary| r.requested_total),
        Column::wan("批复金额(万元)", |r: &UnitKindSummary| r.approved_total),
    ];
    let budget_footer = std::iter::once("合计".to_owned()).chain(totals.clone()).collect();
    let unit_footer = ["合计".to_owned(), unit_count.to_string()].into_iter().chain(totals).collect();
    view! {
        <div class="kpis">
            <Kpi label=format!("{} 年度项目数", o.year.year) id="overview-project-count" value=o.project_count.to_string() unit="个" />
            <Kpi label="申报金额合计" id="overview-requested-total" value=format_wan(o.requested_total) unit="万元" />
            <Kpi label="批复金额合计" id="overview-approved-total" value=format_wan(o.approved_total) unit="万元" />
        </div>
        <div class="two-col">
            <Card title="按预算类型（四本预算）">
                <DataTable id="overview-by-budget-type" columns=by_budget rows=o.by_budget_type footer=Some(budget_footer) />
            </Card>
            <Card title="批复金额（按预算类型）">
                <BarChart title="各预算类型批复金额（万元）" bars />
            </Card>
        </div>
        <Card title="按单位类型">
            <DataTable id="overview-by-unit-kind" columns=by_unit rows=o.by_unit_kind footer=Some(unit_footer) />
        </Card>
    }
}
