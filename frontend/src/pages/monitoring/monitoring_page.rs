use leptos::prelude::*;
use shared::permissions::Capability;

use super::figures::MonitoringFigures;
use super::open_round_form::OpenRoundForm;
use super::round_header::round_state;
use crate::api::monitoring::{self, Round};
use crate::api::years::FiscalYear;
use crate::components::{Card, Column, DataTable, Loaded, YearPage};
use crate::contexts::use_session;

/// 绩效监控: the monitoring rounds of a budget year. Units open their report
/// form; finance sections and leadership the round's dashboard. The 绩效股
/// opens rounds; it and leadership also see the year's figures.
#[component]
pub fn MonitoringPage() -> impl IntoView {
    view! {
        <YearPage title="绩效监控" let:year>
            <MonitoringBody year />
        </YearPage>
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
                    <Card title=format!("{year_label} 年度监控汇总")>
                        <Loaded resource=stats let:stats>
                            {stats.map(|stats| view! { <MonitoringFigures stats id="monitoring-statistics" /> })}
                        </Loaded>
                    </Card>
                }
            })}
        {can_open
            .then(|| {
                view! {
                    <Card id="open-round" title="发起监控任务">
                        <OpenRoundForm year=year.clone() on_opened />
                    </Card>
                }
            })}
        <Card title="监控任务">
            {opened_notice}
            <Loaded resource=rounds let:rounds>
                <DataTable id="rounds" empty=if is_unit { "本年度暂无本单位参与的监控任务。" } else { "本年度尚未发起监控任务。" }
                    columns=round_columns(is_unit) rows=rounds row_key=Some(|r: &Round| r.id.clone()) />
            </Loaded>
        </Card>
    }
}

fn round_columns(is_unit: bool) -> Vec<Column<Round>> {
    vec![
        Column::new("监控节点", |r: &Round| format!("{} 月", r.month)),
        Column::new("截止日期", |r: &Round| r.due_date.clone()),
        Column::new("亮灯规则", |r: &Round| r.rule_kind().label()),
        Column::new("状态", |r: &Round| round_state(r, None)),
        Column::new("操作", move |r: &Round| {
            let (href, label) = match (is_unit, r.open) {
                (true, true) => (format!("/monitoring/{}/report", r.id), "填报"),
                (true, false) => (format!("/monitoring/{}/report", r.id), "查看"),
                (false, _) => (format!("/monitoring/{}", r.id), "监控看板"),
            };
            view! { <a href=href class="round-link" id=format!("round-link-{}", r.id)>{label}</a> }
        })
        .class("actions"),
    ]
}
