use futures::future::join;
use leptos::prelude::*;
use shared::money::format_yuan;
use shared::monitoring::{Light, project_light};
use shared::reviews::TargetState;

use super::indicator_entry::{IndicatorDraft, IndicatorEntry};
use crate::api::ApiError;
use crate::api::monitoring::{self, IndicatorReportInput, ProjectReport, Round, TargetBrief};
use crate::api::projects::Project;
use crate::components::{LightBadge, Loaded, TableFrame};
use crate::format::{date_time, percent};
use shared::monitoring::entry::{execution, parse_executed};

const HEADS: &[&str] = &[
    "绩效指标",
    "全年指标值",
    "截至目前完成值 / 完成情况",
    "完成可能性",
    "全年预计完成值",
    "偏差原因",
    "纠偏措施",
    "指标灯",
];

/// One approved project of the unit in a round: 执行金额 and every indicator
/// of the approved target, with the lights computed live as the unit types
/// (the server's rules, `shared::monitoring`). `reload` re-reads the saved
/// report (after an import).
#[component]
pub fn ProjectReportForm(
    round: Round,
    project: Project,
    #[prop(into)] reload: Signal<u32>,
    disabled: bool,
) -> impl IntoView {
    let (round_id, project_id) = (round.id.clone(), project.id.clone());
    let data = LocalResource::new(move || {
        reload.track();
        let (round_id, project_id) = (round_id.clone(), project_id.clone());
        async move {
            let (target, report) =
                join(monitoring::target(project_id.clone()), monitoring::report(round_id, project_id)).await;
            Ok::<_, ApiError>((target?, report?))
        }
    });
    let title = format!("{} {}", project.code, project.name);
    let element_id = format!("report-{}", project.id);
    let code = project.code.clone();
    let round = StoredValue::new(round);
    let project = StoredValue::new(project);
    view! {
        <section class="card report-card" id=element_id data-code=code>
            <h2>{title}</h2>
            <Loaded resource=data let:loaded>
                <ReportEditor round=round.get_value() project=project.get_value() target=loaded.0 report=loaded.1 disabled />
            </Loaded>
        </section>
    }
}

#[component]
fn ReportEditor(
    round: Round,
    project: Project,
    target: Option<TargetBrief>,
    report: Option<ProjectReport>,
    disabled: bool,
) -> impl IntoView {
    let month = round.checkpoint();
    let rules = StoredValue::new(round.light_rules());
    // Only approved projects are listed; the server falls back the same way.
    let budget = project.approved_amount.unwrap_or(project.requested_amount);
    let approved = target.filter(|t| t.state == TargetState::Approved);
    let has_target = approved.is_some();
    let drafts: Vec<IndicatorDraft> = approved
        .map(|t| t.indicators)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, plan)| {
            let earlier =
                report.as_ref().and_then(|r| r.indicators.iter().find(|e| usize::try_from(e.position).ok() == Some(i)));
            IndicatorDraft::new(i, plan, earlier)
        })
        .collect();
    let drafts = StoredValue::new(drafts);
    let executed = RwSignal::new(report.as_ref().map(|r| r.executed_amount.to_string()).unwrap_or_default());
    let executed_parsed = Memo::new(move |_| parse_executed(&executed.get(), budget));
    let exec = Memo::new(move |_| {
        executed_parsed.get().ok().flatten().map(|e| rules.with_value(|r| execution(e, budget, month, r)))
    });
    let indicator_lights = Memo::new(move |_| {
        drafts.with_value(|ds| ds.iter().map(|d| rules.with_value(|r| d.light(month, r))).collect::<Vec<_>>())
    });
    let live_light = Memo::new(move |_| {
        let lights: Vec<Light> = indicator_lights.get().into_iter().flatten().collect();
        let completions: Vec<_> = drafts.with_value(|ds| ds.iter().filter_map(IndicatorDraft::completion).collect());
        let executed = executed_parsed.get().ok().flatten().map(|e| (e, budget));
        rules.with_value(|r| project_light(executed, month, &lights, &completions, r))
    });
    let complete = move || exec.get().is_some() && indicator_lights.with(|ls| ls.iter().all(Option::is_some));

    let show_problems = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(report.clone());
    let just_saved = RwSignal::new(false);
    let (round_id, project_id) = (round.id.clone(), project.id.clone());
    let save = Action::new_local(move |(amount, inputs): &(String, Vec<IndicatorReportInput>)| {
        let (round_id, project_id, amount, inputs) =
            (round_id.clone(), project_id.clone(), amount.clone(), inputs.clone());
        async move {
            match monitoring::submit_report(round_id, project_id, amount, inputs).await {
                Ok(report) => {
                    error.set(None);
                    saved.set(Some(report));
                    just_saved.set(true);
                }
                Err(err) => {
                    just_saved.set(false);
                    error.set(Some(err.message));
                }
            }
        }
    });
    let on_save = move |_| {
        show_problems.set(true);
        just_saved.set(false);
        let checked = untrack(|| {
            let amount = match executed_parsed.get() {
                Ok(Some(amount)) => amount,
                Ok(None) => return Err("请填写截至目前执行金额".to_owned()),
                Err(message) => return Err(format!("执行金额：{message}")),
            };
            let inputs = drafts.with_value(|ds| {
                ds.iter()
                    .map(|d| d.input().map_err(|m| format!("{}：{m}", d.plan.with_value(|p| p.name.clone()))))
                    .collect::<Result<Vec<_>, _>>()
            })?;
            Ok((amount.to_string(), inputs))
        });
        match checked {
            Ok(payload) => {
                error.set(None);
                save.dispatch(payload);
            }
            Err(message) => error.set(Some(message)),
        }
    };

    let rows = drafts
        .get_value()
        .into_iter()
        .map(|draft| view! { <IndicatorEntry draft month rules disabled show_problems /> })
        .collect_view();
    let indicator_table = if has_target {
        view! { <TableFrame class="report-indicators" heads=HEADS>{rows}</TableFrame> }.into_any()
    } else {
        view! { <div class="notice info">"该项目的绩效目标尚未批复：本次只填报执行金额。"</div> }.into_any()
    };
    let decision = report.as_ref().and_then(|r| r.decision.clone()).map(|d| {
        let what = d.kind.map_or("—", |k| k.label());
        let amount = d.amount.map(|a| format!(" {} 元", format_yuan(a))).unwrap_or_default();
        view! { <div class="notice info report-decision">{format!("处理决定：{what}{amount}。{}", d.note)}</div> }
    });
    view! {
        <div class="report-summary">
            <span>"批复金额 " <strong>{format_yuan(budget)}</strong> " 元"</span>
            <label>
                "截至目前执行金额（元）"
                <input
                    type="text"
                    inputmode="decimal"
                    class="report-executed"
                    class:invalid=move || executed_parsed.with(Result::is_err)
                    disabled=disabled
                    bind:value=executed
                />
            </label>
            <span>
                "执行率 "
                <strong class="live-execution-rate">
                    {move || exec.get().map_or_else(|| "—".to_owned(), |(rate, _)| percent(rate))}
                </strong>
            </span>
            <span>"执行灯 " <LightBadge light=Signal::derive(move || exec.get().map(|(_, l)| l)) class="live-execution-light" /></span>
            <span>"项目灯 " <LightBadge light=live_light class="live-project-light" /></span>
            <span class="meta">{move || (!complete()).then_some("（尚未填完，灯为已填部分的结果）")}</span>
        </div>
        <p class="field-error report-executed-error">{move || executed_parsed.get().err().unwrap_or_default()}</p>
        {decision}
        {indicator_table}
        <div class="form-actions">
            <button
                type="button"
                class="report-save"
                disabled=move || disabled || save.pending().get()
                on:click=on_save
            >
                {move || if save.pending().get() { "保存中…" } else { "保存" }}
            </button>
            <span class="report-saved meta">
                {move || {
                    saved
                        .get()
                        .map(|r| {
                            let prefix = if just_saved.get() { "已保存" } else { "上次保存" };
                            let light = r.light;
                            view! {
                                {format!("{prefix}：{} · 服务器核定项目灯 ", date_time(&r.updated_at))}
                                <LightBadge light=Signal::derive(move || light) class="saved-project-light" />
                            }
                        })
                }}
            </span>
        </div>
        <p class="form-error report-error" role="alert">{move || error.get().unwrap_or_default()}</p>
    }
}
