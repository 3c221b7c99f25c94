use leptos::prelude::*;
use shared::ledger::LedgerSource;
use shared::money::format_wan;
use shared::permissions::Capability;

use super::ledger_summary::LedgerSummaryView;
use crate::api::ledger::{self, LedgerEntry};
use crate::api::years::FiscalYear;
use crate::api::{ApiError, Connection};
use crate::components::{AsyncSection, EmptyState, EnumSelect, Pager, PagerState, YearGate, YearSelect};
use crate::contexts::use_session;
use crate::format::date_time;

/// 结果应用台账: every money consequence of the year (四挂钩). The 绩效股 and
/// leadership see the county's sums; units see their own entries.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let session = use_session();
    let county = session.can_untracked(Capability::ReadCountyOverview);
    view! {
        <div class="page-head">
            <h1>"结果应用台账"</h1>
            <div class="toolbar">
                <YearSelect />
            </div>
        </div>
        <YearGate let:year>
            {county.then(|| view! { <SummarySection year=year.clone() /> })}
            <EntriesSection year />
        </YearGate>
    }
}

#[component]
fn SummarySection(year: FiscalYear) -> impl IntoView {
    let year_id = year.id;
    let summary = LocalResource::new(move || ledger::summary(year_id.clone()));
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                let summary = summary.await?;
                Ok::<_, ApiError>(view! { <LedgerSummaryView summary /> })
            })}
        </AsyncSection>
    }
}

#[component]
fn EntriesSection(year: FiscalYear) -> impl IntoView {
    let source = RwSignal::new(None::<LedgerSource>);
    let pager = PagerState::new();
    let year_id = year.id;
    let page = LocalResource::new(move || ledger::entries(year_id.clone(), source.get(), pager.after()));
    view! {
        <div class="card">
            <div class="toolbar">
                <h2>"台账明细"</h2>
                <label>
                    "环节"
                    <EnumSelect
                        id="ledger-source"
                        options=LedgerSource::ALL
                        value=source
                        label=LedgerSource::label
                        code=LedgerSource::as_str
                        parse=LedgerSource::parse
                        any_label="全部"
                        on_change=Callback::new(move |()| pager.reset())
                    />
                </label>
            </div>
            <AsyncSection>
                {move || Suspend::new(async move {
                    let connection = page.await?;
                    Ok::<_, ApiError>(entries_table(connection, pager))
                })}
            </AsyncSection>
        </div>
    }
}

fn entries_table(connection: Connection<LedgerEntry>, pager: PagerState) -> impl IntoView {
    let total = connection.total_count;
    let next_cursor = connection.next_cursor();
    let empty = connection.edges.is_empty();
    let rows = connection
        .into_nodes()
        .into_iter()
        .map(|e| {
            let reduces = e.kind.reduces_budget();
            view! {
                <tr data-id=e.id>
                    <td>{e.project.code}</td>
                    <td>{e.project.name}</td>
                    <td>{e.project.unit.name}</td>
                    <td>{e.source.label()}</td>
                    <td><span class="tag" class:danger=reduces>{e.kind.label()}</span></td>
                    <td class="num">{format_wan(e.amount)}</td>
                    <td class="wrap">{e.decision}</td>
                    <td>{e.decided_by}</td>
                    <td>{date_time(&e.decided_at)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="ledger-entries">
            <thead>
                <tr>
                    <th>"项目编码"</th>
                    <th>"项目名称"</th>
                    <th>"单位"</th>
                    <th>"环节"</th>
                    <th>"处理方式"</th>
                    <th class="num">"金额(万元)"</th>
                    <th>"决定"</th>
                    <th>"决定人"</th>
                    <th>"时间"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {empty.then(|| view! { <EmptyState text="本年度暂无台账记录" /> })}
        <Pager state=pager total next_cursor total_id="ledger-total-count" />
    }
}
