use leptos::prelude::*;
use shared::permissions::Capability;

use super::figures::MonitoringFigures;
use super::open_round_form::OpenRoundForm;
use crate::api::ApiError;
use crate::api::monitoring::{self, Round};
use crate::api::years::FiscalYear;
use crate::components::{AsyncSection, EmptyState, YearGate, YearSelect};
use crate::contexts::use_session;

/// 绩效监控: the monitoring rounds of a budget year. Units open their report
/// form; finance sections and leadership the round's dashboard. The 绩效股
/// opens rounds; it and leadership also see the year's figures.
#[component]
pub fn MonitoringPage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"绩效监控"</h1>
            <div class="toolbar">
                <YearSelect />
            </div>
        </div>
        <YearGate let:year>
            <MonitoringBody year />
        </YearGate>
    }
}

#[component]
fn MonitoringBody(year: FiscalYear) -> impl IntoView {
    let session = use_session();
    let is_unit = session.can_untracked(Capability::EditTargets);
    let can_open = session.can_untracked(Capability::OrganiseReviews) && !year.status.is_read_only();
    let can_stats = session.can_untracked(Capability::ReadCountyOverview);
    let opened = RwSignal::new(None::<Round>);
    let year_id = year.id.clone();
    let rounds = LocalResource::new(move || {
        opened.track();
        monitoring::rounds(year_id.clone())
    });
    let year_id = year.id.clone();
    let stats = LocalResource::new(move || {
        opened.track();
        let year_id = year_id.clone();
        async move { if can_stats { monitoring::year_statistics(year_id).await.map(Some) } else { Ok(None) } }
    });
    let on_opened = Callback::new(move |round: Round| opened.set(Some(round)));
    let opened_notice = move || {
        opened.get().map(|r| {
            view! {
                <div class="notice ok" id="round-opened">
                    {format!("已发起 {} 月监控任务，截止日期 {}。", r.month, r.due_date)}
                </div>
            }
        })
    };
    let year_label = year.year;
    view! {
        {can_stats
            .then(|| {
                view! {
                    <div class="card">
                        <h2>{format!("{year_label} 年度监控汇总")}</h2>
                        <AsyncSection>
                            {move || Suspend::new(async move {
                                Ok::<_, ApiError>(stats.await?.map(|stats| view! { <MonitoringFigures stats id="monitoring-statistics" /> }))
                            })}
                        </AsyncSection>
                    </div>
                }
            })}
        {can_open
            .then(|| {
                view! {
                    <div class="card" id="open-round">
                        <h2>"发起监控任务"</h2>
                        <OpenRoundForm year=year.clone() on_opened />
                    </div>
                }
            })}
        <div class="card">
            <h2>"监控任务"</h2>
            {opened_notice}
            <AsyncSection>
                {move || Suspend::new(async move {
                    let rounds = rounds.await?;
                    Ok::<_, ApiError>(rounds_table(rounds, is_unit))
                })}
            </AsyncSection>
        </div>
    }
}

fn rounds_table(rounds: Vec<Round>, is_unit: bool) -> AnyView {
    if rounds.is_empty() {
        let text = if is_unit {
            "本年度暂无本单位参与的监控任务。"
        } else {
            "本年度尚未发起监控任务。"
        };
        return view! { <EmptyState text=text /> }.into_any();
    }
    let rows = rounds
        .into_iter()
        .map(|round| {
            let (href, label) = match (is_unit, round.open) {
                (true, true) => (format!("/monitoring/{}/report", round.id), "填报"),
                (true, false) => (format!("/monitoring/{}/report", round.id), "查看"),
                (false, _) => (format!("/monitoring/{}", round.id), "监控看板"),
            };
            let state = if round.open {
                view! { <span class="tag ok">"进行中"</span> }
            } else {
                view! { <span class="tag muted">"已结束"</span> }
            };
            view! {
                <tr data-round=round.id.clone() data-month=round.month>
                    <td>{format!("{} 月", round.month)}</td>
                    <td>{round.due_date.clone()}</td>
                    <td>{round.rule_kind().label()}</td>
                    <td>{state}</td>
                    <td class="actions">
                        <a href=href class="round-link" id=format!("round-link-{}", round.id)>
                            {label}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="rounds">
            <thead>
                <tr>
                    <th>"监控节点"</th>
                    <th>"截止日期"</th>
                    <th>"亮灯规则"</th>
                    <th>"状态"</th>
                    <th>"操作"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
