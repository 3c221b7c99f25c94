use leptos::prelude::*;

use crate::api::reviews;
use crate::api::targets::TargetSummary;
use crate::api::years::FiscalYear;
use crate::api::{ApiError, Connection};
use crate::components::{AsyncSection, EmptyState, Pager, PagerState, YearGate, YearSelect};
use crate::format::date_time;

/// 目标审核 (finance sections): the targets waiting for the caller's step of the
/// review chain (业务股室初审; 绩效股复审, 会审后处理, 批复).
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"目标审核 · 待办"</h1>
            <div class="toolbar">
                <YearSelect />
            </div>
        </div>
        <div class="card">
            <YearGate let:year>
                <QueueTable year />
            </YearGate>
        </div>
    }
}

#[component]
fn QueueTable(year: FiscalYear) -> impl IntoView {
    let pager = PagerState::new();
    let year_id = year.id;
    let page = LocalResource::new(move || reviews::queue(Some(year_id.clone()), pager.after()));
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection = page.await?;
                Ok::<_, ApiError>(queue_table(connection, pager))
            })}
        </AsyncSection>
    }
}

fn queue_table(connection: Connection<TargetSummary>, pager: PagerState) -> impl IntoView {
    let total = connection.total_count;
    let next_cursor = connection.next_cursor();
    let empty = connection.edges.is_empty();
    let rows = connection
        .into_nodes()
        .into_iter()
        .map(|t| {
            let href = format!("/reviews/{}", t.project.id);
            view! {
                <tr data-project=t.project.id.clone()>
                    <td>{t.project.code}</td>
                    <td>
                        <a href=href.clone()>{t.project.name}</a>
                    </td>
                    <td>{t.project.unit.name}</td>
                    <td>
                        <span class="tag">{t.state.label()}</span>
                    </td>
                    <td class="num">{format!("第 {} 版", t.revision)}</td>
                    <td>{date_time(&t.updated_at)}</td>
                    <td class="actions">
                        <a class="button small" href=href>"审核"</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="review-queue">
            <thead>
                <tr>
                    <th>"项目编码"</th>
                    <th>"项目名称"</th>
                    <th>"单位"</th>
                    <th>"状态"</th>
                    <th class="num">"版本"</th>
                    <th>"更新时间"</th>
                    <th>"操作"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {empty.then(|| view! { <EmptyState text="暂无待您审核的绩效目标" /> })}
        <Pager state=pager total next_cursor total_id="review-queue-total" />
    }
}
