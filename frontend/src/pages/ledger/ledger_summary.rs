use leptos::prelude::*;
use shared::ledger::{LedgerKind, LedgerSource};
use shared::money::format_wan;
use shared::organisations::OrgKind;
use shared::projects::BudgetType;

use crate::api::ledger::{LedgerSum, LedgerSummary};

/// The label of a summary key (the enum value of the grouping).
fn label(key: &str, group: Group) -> String {
    let code = key.to_ascii_lowercase();
    let found = match group {
        Group::Source => LedgerSource::parse(&code).map(LedgerSource::label),
        Group::Kind => LedgerKind::parse(&code).map(LedgerKind::label),
        Group::UnitKind => OrgKind::parse(&code).map(OrgKind::label),
        Group::BudgetType => BudgetType::parse(&code).map(BudgetType::label),
    };
    found.map_or_else(|| key.to_owned(), str::to_owned)
}

#[derive(Debug, Clone, Copy)]
enum Group {
    Source,
    Kind,
    UnitKind,
    BudgetType,
}

/// The year's ledger sums by source (四挂钩), kind, unit kind and budget type, in 万元.
#[component]
pub fn LedgerSummaryView(summary: LedgerSummary) -> impl IntoView {
    view! {
        <div class="kpis">
            <div class="kpi">
                <div class="kpi-label">"台账记录"</div>
                <div><span class="kpi-value" id="ledger-count">{summary.count}</span><span class="kpi-unit">"条"</span></div>
            </div>
            <div class="kpi">
                <div class="kpi-label">"涉及金额合计"</div>
                <div><span class="kpi-value" id="ledger-total">{format_wan(summary.total)}</span><span class="kpi-unit">"万元"</span></div>
            </div>
        </div>
        <div class="two-col">
            {sum_table("ledger-by-source", "按环节（四挂钩）", "环节", summary.by_source, Group::Source)}
            {sum_table("ledger-by-kind", "按处理方式", "处理方式", summary.by_kind, Group::Kind)}
            {sum_table("ledger-by-unit-kind", "按单位类型", "单位类型", summary.by_unit_kind, Group::UnitKind)}
            {sum_table("ledger-by-budget-type", "按预算类型", "预算类型", summary.by_budget_type, Group::BudgetType)}
        </div>
    }
}

fn sum_table(
    id: &'static str,
    title: &'static str,
    head: &'static str,
    sums: Vec<LedgerSum>,
    group: Group,
) -> impl IntoView {
    let rows = sums
        .into_iter()
        .map(|s| {
            view! {
                <tr data-key=s.key.clone()>
                    <td>{label(&s.key, group)}</td>
                    <td class="num">{s.count}</td>
                    <td class="num">{format_wan(s.amount)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card">
            <h2>{title}</h2>
            <table class="data" id=id>
                <thead>
                    <tr>
                        <th>{head}</th>
                        <th class="num">"条数"</th>
                        <th class="num">"金额(万元)"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
