use leptos::prelude::*;
use shared::ex_ante::AssessmentState;

use super::opinion_form::{OpinionForm, OpinionTarget};
use super::project_facts::ProjectFacts;
use crate::api::ex_ante::{self, ExAnteAssessment};
use crate::api::years::FiscalYear;
use crate::components::{Notice, PagedList, ScoreTable, YearGate, YearSelect};

/// 我的待办 of an evaluation firm: the ex-ante assessments commissioned to it,
/// scored on the five dimensions.
#[component]
pub fn FirmInbox() -> impl IntoView {
    view! {
        <div class="toolbar">
            <YearSelect />
        </div>
        <YearGate let:year>
            <Commissions year />
        </YearGate>
    }
}

#[component]
fn Commissions(year: FiscalYear) -> impl IntoView {
    let done = RwSignal::new(0usize);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let year_id = year.id;
    let load = move |after| {
        done.track();
        ex_ante::list(year_id.clone(), ex_ante::PAGE_SIZE, after)
    };
    let on_done = Callback::new(move |message: String| {
        notice.set(Some(Ok(message)));
        done.update(|n| *n += 1);
    });
    view! {
        <Notice message=notice />
        <PagedList id="inbox-items" total_id="inbox-total" empty="暂无委托给本机构的评估事项" load let:items>
            {
                // One form at a time: the first assessment still to be scored.
                let first_open = items.iter().find(|a| a.state == AssessmentState::InProgress).map(|a| a.id.clone());
                items
                    .into_iter()
                    .map(|a| {
                        let open = first_open.as_deref() == Some(a.id.as_str());
                        commission_card(a, open, on_done)
                    })
                    .collect_view()
            }
        </PagedList>
    }
}

fn commission_card(a: ExAnteAssessment, open: bool, on_done: Callback<String>) -> impl IntoView {
    let scored = a.scores.clone().map(|scores| view! { <ScoreTable scores total=a.total_score /> });
    let pending_note = (a.state == AssessmentState::InProgress && !open)
        .then(|| view! { <p class="field-hint">"请先完成上一项评估"</p> });
    view! {
        <div class="card assessment-item" data-id=a.id.clone()>
            <h2>{format!("事前绩效评估 · {}", a.project.name)}<span class="tag">{a.state.label()}</span></h2>
            <ProjectFacts project=a.project />
            {scored}
            {(!a.opinion.is_empty()).then(|| view! { <p>{format!("评估意见：{}", a.opinion)}</p> })}
            {pending_note}
            {open.then(|| view! { <OpinionForm about=OpinionTarget::Commission(a.id.clone()) on_done /> })}
        </div>
    }
}
