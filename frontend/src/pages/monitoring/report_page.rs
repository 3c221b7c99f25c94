use futures::future::join;
use leptos::prelude::*;

use super::import_panel::ImportPanel;
use super::project_report_form::ProjectReportForm;
use super::round_header::{RoundFacts, RoundRoute, round_title};
use super::round_units::{late_tag, review_text};
use crate::api::ApiError;
use crate::api::monitoring::{self, Round, RoundUnit};
use crate::components::{EmptyState, Loaded};
use crate::contexts::use_session;
use crate::format::date_time;

/// `/monitoring/:round_id/report` (部门, 乡镇): the unit's monitoring report
/// of a round, one form per approved project with live lights, the Excel
/// import of executed amounts, and 提交本单位监控报告.
#[component]
pub fn UnitReportPage() -> impl IntoView {
    view! {
        <RoundRoute title="绩效监控填报" missing="监控任务不存在，或本单位不在该任务范围内。" let:round>
            <UnitReport round />
        </RoundRoute>
    }
}

#[component]
fn UnitReport(round: Round) -> impl IntoView {
    let open = round.open;
    let round_id = round.id.clone();
    let submit = Action::new_local(|round_id: &String| monitoring::submit_round(round_id.clone()));
    let own_unit = use_session().user_untracked().map(|user| user.organisation.id).unwrap_or_default();
    let status = LocalResource::new({
        let round_id = round_id.clone();
        move || {
            submit.version().track();
            let (round_id, own_unit) = (round_id.clone(), own_unit.clone());
            async move {
                let units = monitoring::units_all(round_id).await?;
                Ok::<_, ApiError>(units.into_iter().find(|u| u.unit.id == own_unit))
            }
        }
    });
    let reload = RwSignal::new(0u32);
    let on_imported = Callback::new(move |()| reload.update(|n| *n += 1));
    // The approved projects of the units the round covers (the unit and its sub-units in scope).
    let projects = LocalResource::new({
        let (round_id, year_id) = (round_id.clone(), round.year_id.clone());
        move || {
            let (round_id, year_id) = (round_id.clone(), year_id.clone());
            async move {
                let (units, projects) =
                    join(monitoring::units_all(round_id), monitoring::approved_projects(year_id)).await;
                let covered: Vec<String> = units?.into_iter().map(|u| u.unit.id).collect();
                Ok::<_, ApiError>(projects?.into_iter().filter(|p| covered.contains(&p.unit.id)).collect::<Vec<_>>())
            }
        }
    });
    let submit_notice = move || match submit.value().get() {
        Some(Ok(_)) => {
            Some(view! { <div class="notice ok" id="round-submit-result">"已提交本单位监控报告。"</div> }.into_any())
        }
        Some(Err(err)) => Some(
            view! { <div class="notice error" role="alert" id="round-submit-result">{err.message}</div> }.into_any(),
        ),
        None => None,
    };
    let round = StoredValue::new(round);
    view! {
        <div class="card round-header" id="round-header">
            <h2>{round.with_value(round_title)}</h2>
            <RoundFacts round=round.get_value() />
            <Loaded resource=status let:unit>
                {unit_status(unit)}
            </Loaded>
            {submit_notice}
            <div class="form-actions">
                <button
                    type="button"
                    id="round-submit"
                    disabled=move || !open || submit.pending().get()
                    on:click={
                        let round_id = round_id.clone();
                        move |_| {
                            submit.dispatch(round_id.clone());
                        }
                    }
                >
                    "提交本单位监控报告"
                </button>
            </div>
            <p class="field-hint">
                "逐个项目填写并保存后，再提交本单位监控报告。完成可能性不是“确定能”的指标须填写全年预计完成值和偏差原因；“完全不可能”的还须填写纠偏措施。"
            </p>
        </div>
        <ImportPanel round_id=round.with_value(|r| r.id.clone()) open on_imported />
        <div id="report-projects">
            <Loaded resource=projects let:projects>
                {if projects.is_empty() {
                    view! { <EmptyState text="本单位本年度没有已批复的项目，无需填报。" /> }.into_any()
                } else {
                    projects
                        .into_iter()
                        .map(|project| view! { <ProjectReportForm round=round.get_value() project reload disabled=!open /> })
                        .collect_view()
                        .into_any()
                }}
            </Loaded>
        </div>
    }
}

/// 本单位: submitted or not, late or not, reviewed or not.
fn unit_status(unit: Option<RoundUnit>) -> AnyView {
    let Some(unit) = unit else {
        return view! { <div class="notice info">"本单位不在该监控任务范围内；下方列出的是本次任务所含下属单位的项目。"</div> }.into_any();
    };
    let late = late_tag(&unit, Some("round-late"));
    let submitted =
        unit.submitted_at.as_deref().map_or_else(|| "未提交".to_owned(), |at| format!("已提交（{}）", date_time(at)));
    let reviewed =
        review_text(&unit).map(|text| view! { <div class="meta" id="round-review">{format!("已审核：{text}")}</div> });
    view! {
        <div class="unit-status">
            <span>{unit.unit.name.clone()} " · "</span>
            <span id="round-unit-status">{submitted}</span>
            " "
            {late}
            {reviewed}
        </div>
    }
    .into_any()
}
