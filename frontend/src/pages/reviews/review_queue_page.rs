use leptos::prelude::*;

use crate::api::reviews;
use crate::api::targets::TargetSummary;
use crate::components::{Card, Column, PagedTable, YearPage};
use crate::format::date_time;

/// 目标审核 (finance sections): the targets waiting for the caller's step of the
/// review chain (业务股室初审; 绩效股复审, 会审后处理, 批复).
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    view! {
        <YearPage title="目标审核 · 待办" let:year>
            <Card>
                <PagedTable id="review-queue" total_id="review-queue-total" empty="暂无待您审核的绩效目标"
                    columns=queue_columns() row_key=|t: &TargetSummary| t.project.id.clone() load=move |after| reviews::queue(Some(year.id.clone()), after) />
            </Card>
        </YearPage>
    }
}

fn queue_columns() -> Vec<Column<TargetSummary>> {
    let href = |t: &TargetSummary| format!("/reviews/{}", t.project.id);
    vec![
        Column::new("项目编码", |t: &TargetSummary| t.project.code.clone()),
        Column::new("项目名称", move |t: &TargetSummary| view! { <a href=href(t)>{t.project.name.clone()}</a> }),
        Column::new("单位", |t: &TargetSummary| t.project.unit.name.clone()),
        Column::new("状态", |t: &TargetSummary| view! { <span class="tag">{t.state.label()}</span> }),
        Column::num("版本", |t: &TargetSummary| format!("第 {} 版", t.revision)),
        Column::new("更新时间", |t: &TargetSummary| date_time(&t.updated_at)),
        Column::new("操作", move |t: &TargetSummary| view! { <a class="button small" href=href(t)>"审核"</a> })
            .class("actions"),
    ]
}
