use leptos::prelude::*;
use shared::permissions::Capability;

use super::assessment_row::{assessment_columns, assessment_detail};
use super::start_form::StartForm;
use crate::api::ex_ante::{self, ExAnteAssessment};
use crate::api::years::FiscalYear;
use crate::components::{Card, Notice, PagedTable, YearPage};
use crate::contexts::use_session;

/// 事前绩效评估: the assessments of a year. The 绩效股 starts them (panel or
/// firm) and concludes them; leadership reads; units see their own projects'.
#[component]
pub fn ExAntePage() -> impl IntoView {
    view! {
        <YearPage title="事前绩效评估" let:year>
            <ExAnteBody year />
        </YearPage>
    }
}

#[component]
fn ExAnteBody(year: FiscalYear) -> impl IntoView {
    let session = use_session();
    let organiser = session.can_untracked(Capability::OrganiseReviews) && !year.status.is_read_only();
    let show_start = RwSignal::new(false);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let changed = RwSignal::new(0usize);
    let open = RwSignal::new(None::<String>);
    let year_id = year.id.clone();
    let load = move |after| {
        changed.track();
        ex_ante::list(year_id.clone(), ex_ante::PAGE_SIZE, after)
    };
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
        <Card>
            <PagedTable id="ex-ante-table" total_id="ex-ante-total" empty="本年度暂无事前绩效评估" row_class="ex-ante-row"
                columns=assessment_columns(organiser, open) row_key=|a: &ExAnteAssessment| a.id.clone() detail=assessment_detail(organiser, open, on_done) load />
        </Card>
    }
}
