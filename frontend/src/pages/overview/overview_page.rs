use leptos::prelude::*;
use shared::money::format_wan;

use crate::api::ApiError;
use crate::api::overview::{self, CountyOverview};
use crate::api::years::FiscalYear;
use crate::components::{AsyncSection, BarChart, YearGate, YearSelect};

/// 县域总览 (leadership, 绩效股): the county's projects and amounts of a budget
/// year, by the four budgets and by unit kind. Amounts in 万元.
#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"县域总览"</h1>
            <div class="toolbar">
                <YearSelect />
            </div>
        </div>
        <div id="overview">
            <YearGate let:year>
                <OverviewBody year />
            </YearGate>
        </div>
    }
}

#[component]
fn OverviewBody(year: FiscalYear) -> impl IntoView {
    let year_id = year.id;
    let data = LocalResource::new(move || overview::county(year_id.clone()));
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                let overview = data.await?;
                Ok::<_, ApiError>(overview_view(overview))
            })}
        </AsyncSection>
    }
}

fn overview_view(o: CountyOverview) -> impl IntoView {
    let bars = o.by_budget_type.iter().map(|row| (row.budget_type.label().to_owned(), row.approved_total)).collect();
    let budget_rows = o
        .by_budget_type
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <td>{row.budget_type.label()}</td>
                    <td class="num">{row.project_count}</td>
                    <td class="num">{format_wan(row.requested_total)}</td>
                    <td class="num">{format_wan(row.approved_total)}</td>
                </tr>
            }
        })
        .collect_view();
    let unit_rows = o
        .by_unit_kind
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <td>{row.unit_kind.label()}</td>
                    <td class="num">{row.unit_count}</td>
                    <td class="num">{row.project_count}</td>
                    <td class="num">{format_wan(row.requested_total)}</td>
                    <td class="num">{format_wan(row.approved_total)}</td>
                </tr>
            }
        })
        .collect_view();
    let unit_count: i64 = o.by_unit_kind.iter().map(|row| row.unit_count).sum();
    view! {
        <div class="kpis">
            <div class="kpi">
                <div class="kpi-label">{format!("{} 年度项目数", o.year.year)}</div>
                <div>
                    <span class="kpi-value" id="overview-project-count">{o.project_count}</span>
                    <span class="kpi-unit">"个"</span>
                </div>
            </div>
            <div class="kpi">
                <div class="kpi-label">"申报金额合计"</div>
                <div>
                    <span class="kpi-value" id="overview-requested-total">{format_wan(o.requested_total)}</span>
                    <span class="kpi-unit">"万元"</span>
                </div>
            </div>
            <div class="kpi">
                <div class="kpi-label">"批复金额合计"</div>
                <div>
                    <span class="kpi-value" id="overview-approved-total">{format_wan(o.approved_total)}</span>
                    <span class="kpi-unit">"万元"</span>
                </div>
            </div>
        </div>
        <div class="two-col">
            <div class="card">
                <h2>"按预算类型（四本预算）"</h2>
                <table class="data" id="overview-by-budget-type">
                    <thead>
                        <tr>
                            <th>"预算类型"</th>
                            <th class="num">"项目数"</th>
                            <th class="num">"申报金额(万元)"</th>
                            <th class="num">"批复金额(万元)"</th>
                        </tr>
                    </thead>
                    <tbody>{budget_rows}</tbody>
                    <tfoot>
                        <tr>
                            <td>"合计"</td>
                            <td class="num">{o.project_count}</td>
                            <td class="num">{format_wan(o.requested_total)}</td>
                            <td class="num">{format_wan(o.approved_total)}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <div class="card">
                <h2>"批复金额（按预算类型）"</h2>
                <BarChart title="各预算类型批复金额（万元）" bars />
            </div>
        </div>
        <div class="card">
            <h2>"按单位类型"</h2>
            <table class="data" id="overview-by-unit-kind">
                <thead>
                    <tr>
                        <th>"单位类型"</th>
                        <th class="num">"单位数"</th>
                        <th class="num">"项目数"</th>
                        <th class="num">"申报金额(万元)"</th>
                        <th class="num">"批复金额(万元)"</th>
                    </tr>
                </thead>
                <tbody>{unit_rows}</tbody>
                <tfoot>
                    <tr>
                        <td>"合计"</td>
                        <td class="num">{unit_count}</td>
                        <td class="num">{o.project_count}</td>
                        <td class="num">{format_wan(o.requested_total)}</td>
                        <td class="num">{format_wan(o.approved_total)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
