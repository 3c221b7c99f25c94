use leptos::prelude::*;
use shared::ledger::LedgerSource;
use shared::permissions::Capability;

use super::ledger_summary::LedgerSummaryView;
use crate::api::ledger::{self, LedgerEntry};
use crate::api::years::FiscalYear;
use crate::components::{Card, Column, EnumFilter, FilterBar, Loaded, PagedTable, PagerState, YearPage};
use crate::contexts::use_session;
use crate::format::date_time;

/// 结果应用台账: every money consequence of the year (四挂钩). The 绩效股 and
/// leadership see the county's sums; units see their own entries.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let session = use_session();
    let county = session.can_untracked(Capability::ReadCountyOverview);
    view! {
        <YearPage title="结果应用台账" let:year>
            {county.then(|| view! { <SummarySection year=year.clone() /> })}
            <EntriesSection year />
        </YearPage>
    }
}

#[component]
fn SummarySection(year: FiscalYear) -> impl IntoView {
    let summary = LocalResource::new(move || ledger::summary(year.id.clone()));
    view! {
        <Loaded resource=summary let:summary>
            <LedgerSummaryView summary />
        </Loaded>
    }
}

#[component]
fn EntriesSection(year: FiscalYear) -> impl IntoView {
    let source = RwSignal::new(None::<LedgerSource>);
    let pager = PagerState::new();
    view! {
        <Card title="台账明细">
            <FilterBar>
                <EnumFilter label="环节" id="ledger-source" value=source pager />
            </FilterBar>
            <PagedTable id="ledger-entries" total_id="ledger-total-count" empty="本年度暂无台账记录"
                columns=entry_columns() row_key=|e: &LedgerEntry| e.id.clone() pager load=move |after| ledger::entries(year.id.clone(), source.get(), after) />
        </Card>
    }
}

fn entry_columns() -> Vec<Column<LedgerEntry>> {
    vec![
        Column::new("项目编码", |e: &LedgerEntry| e.project.code.clone()),
        Column::new("项目名称", |e: &LedgerEntry| e.project.name.clone()),
        Column::new("单位", |e: &LedgerEntry| e.project.unit.name.clone()),
        Column::new("环节", |e: &LedgerEntry| e.source.label()),
        Column::new("处理方式", |e: &LedgerEntry| {
            view! { <span class="tag" class:danger=e.kind.reduces_budget()>{e.kind.label()}</span> }
        }),
        Column::wan("金额(万元)", |e: &LedgerEntry| e.amount),
        Column::new("决定", |e: &LedgerEntry| e.decision.clone()).wrap(),
        Column::new("决定人", |e: &LedgerEntry| e.decided_by.clone()),
        Column::new("时间", |e: &LedgerEntry| date_time(&e.decided_at)),
    ]
}
