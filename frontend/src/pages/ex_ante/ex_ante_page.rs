use leptos::prelude::*;
use shared::permissions::Capability;

use super::assessment_row::AssessmentRow;
use super::start_form::StartForm;
use crate::api::ApiError;
use crate::api::ex_ante::{self, ExAnteAssessment};
use crate::api::years::FiscalYear;
use crate::components::{AsyncSection, EmptyState, Notice, Pager, PagerState, YearGate, YearSelect};
use crate::contexts::use_session;

/// 事前绩效评估: the assessments of a year. The 绩效股 starts them (panel or
/// firm) and concludes them; leadership reads; units see their own projects'.
#[component]
pub fn ExAntePage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"事前绩效评估"</h1>
            <div class="toolbar">
                <YearSelect />
            </div>
        </div>
        <YearGate let:year>
            <ExAnteBody year />
        </YearGate>
    }
}

#[component]
fn ExAnteBody(year: FiscalYear) -> impl IntoView {
    let session = use_session();
    let organiser = session.can_untracked(Capability::OrganiseReviews) && !year.status.is_read_only();
    let show_start = RwSignal::new(false);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let changed = RwSignal::new(0usize);
    let pager = PagerState::new();
    let year_id = year.id.clone();
    let page = LocalResource::new(move || {
        changed.track();
        ex_ante::list(year_id.clone(), ex_ante::PAGE_SIZE, pager.after())
    });
    let on_started = Callback::new(move |a: ExAnteAssessment| {
        notice.set(Some(Ok(format!("已发起“{}”的事前绩效评估（{}）", a.project.name, a.assessor_kind.label()))));
        show_start.set(false);
        changed.update(|n| *n += 1);
    });
    let on_done = Callback::new(move |a: ExAnteAssessment| {
        let conclusion = a.conclusion.map_or("", |c| c.label());
        notice.set(Some(Ok(format!("“{}”评估结论：{conclusion}", a.project.name))));
        changed.update(|n| *n += 1);
    });
    view! {
        <Notice message=notice />
        {organiser.then(|| view! {
            <div class="toolbar">
                <button id="ex-ante-new" on:click=move |_| show_start.update(|s| *s = !*s)>"发起事前评估"</button>
            </div>
            <Show when=move || show_start.get()>
                <StartForm year=year.clone() on_started />
            </Show>
        })}
        <div class="card">
            <AsyncSection>
                {move || Suspend::new(async move {
                    let connection = page.await?;
                    let total = connection.total_count;
                    let next_cursor = connection.next_cursor();
                    let items = connection.into_nodes();
                    let empty = items.is_empty();
                    let rows = items
                        .into_iter()
                        .map(|assessment| view! { <AssessmentRow assessment can_conclude=organiser on_done /> })
                        .collect_view();
                    Ok::<_, ApiError>(view! {
                        <table class="data" id="ex-ante-table">
                            <thead>
                                <tr>
                                    <th>"项目编码"</th>
                                    <th>"项目名称"</th>
                                    <th>"单位"</th>
                                    <th class="num">"申报金额(元)"</th>
                                    <th>"评估方式"</th>
                                    <th>"状态"</th>
                                    <th class="num">"总分"</th>
                                    <th>"结论"</th>
                                    <th class="num">"评减金额(元)"</th>
                                    <th>"操作"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        {empty.then(|| view! { <EmptyState text="本年度暂无事前绩效评估" /> })}
                        <Pager state=pager total next_cursor total_id="ex-ante-total" />
                    })
                })}
            </AsyncSection>
        </div>
    }
}
