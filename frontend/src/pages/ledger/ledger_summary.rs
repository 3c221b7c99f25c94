use leptos::prelude::*;
use shared::DomainEnum;
use shared::ledger::{LedgerKind, LedgerSource};
use shared::money::format_wan;
use shared::organisations::OrgKind;
use shared::projects::BudgetType;

use crate::api::ledger::{LedgerSum, LedgerSummary};
use crate::components::{Card, Column, DataTable, Kpi};

/// The label of a summary key (the enum value of the grouping, in GraphQL case).
fn label<E: DomainEnum>(key: &str) -> String {
    E::parse(&key.to_ascii_lowercase()).map_or_else(|| key.to_owned(), |e| e.label().to_owned())
}

/// The year's ledger sums by source (四挂钩), kind, unit kind and budget type, in 万元.
#[component]
pub fn LedgerSummaryView(summary: LedgerSummary) -> impl IntoView {
    view! {
        <div class="kpis">
            <Kpi label="台账记录" id="ledger-count" value=summary.count.to_string() unit="条" />
            <Kpi label="涉及金额合计" id="ledger-total" value=format_wan(summary.total) unit="万元" />
        </div>
        <div class="two-col">
            {sum_table("ledger-by-source", "按环节（四挂钩）", "环节", summary.by_source, label::<LedgerSource>)}
            {sum_table("ledger-by-kind", "按处理方式", "处理方式", summary.by_kind, label::<LedgerKind>)}
            {sum_table("ledger-by-unit-kind", "按单位类型", "单位类型", summary.by_unit_kind, label::<OrgKind>)}
            {sum_table("ledger-by-budget-type", "按预算类型", "预算类型", summary.by_budget_type, label::<BudgetType>)}
        </div>
    }
}

fn sum_table(
    id: &'static str,
    title: &'static str,
    head: &'static str,
    sums: Vec<LedgerSum>,
    label: fn(&str) -> String,
) -> impl IntoView {
    let columns = vec![
        Column::new(head, move |s: &LedgerSum| label(&s.key)),
        Column::num("条数", |s: &LedgerSum| s.count),
        Column::wan("金额(万元)", |s: &LedgerSum| s.amount),
    ];
    view! {
        <Card title=title>
            <DataTable id columns rows=sums row_key=Some(|s: &LedgerSum| s.key.clone()) />
        </Card>
    }
}
