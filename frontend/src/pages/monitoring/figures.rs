use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::money::format_wan;

use crate::api::monitoring::{DecisionCount, LightCount, Statistics, UnitKindCount};
use crate::components::{Column, DataTable, LightBadge};

/// The figures of a round or a year: units monitored / submitted / late by
/// kind (with the late units' names), projects by light, decisions by kind
/// with their amounts in 万元.
#[component]
pub fn MonitoringFigures(stats: Statistics, id: &'static str) -> impl IntoView {
    let (monitored, submitted, late) =
        stats.units.iter().fold((0, 0, 0), |(m, s, l), u| (m + u.monitored, s + u.submitted, l + u.late));
    let late_names = if stats.late_units.is_empty() { "无".to_owned() } else { stats.late_units.join("、") };
    let lights = stats.by_light.iter().map(light_kpi).collect_view();
    let (decided, decided_amount) =
        stats.decisions.iter().fold((0, Decimal::ZERO), |(n, a), d| (n + d.projects, a + d.amount));
    let units = vec![
        Column::new("单位类型", |u: &UnitKindCount| u.unit_kind.label()),
        Column::num("监控单位数", |u: &UnitKindCount| u.monitored),
        Column::num("已提交", |u: &UnitKindCount| u.submitted),
        Column::num("逾期", |u: &UnitKindCount| u.late),
    ];
    let decisions = vec![
        Column::new("决定", |d: &DecisionCount| d.kind.label()),
        Column::num("项目数", |d: &DecisionCount| d.projects),
        Column::wan("金额（万元）", |d: &DecisionCount| d.amount),
    ];
    let unit_totals = vec!["合计".to_owned(), monitored.to_string(), submitted.to_string(), late.to_string()];
    let decision_totals = vec!["合计".to_owned(), decided.to_string(), format_wan(decided_amount)];
    view! {
        <div class="monitoring-figures" id=id>
            <div class="kpis light-kpis">{lights}</div>
            <div class="two-col">
                <div>
                    <h3>"监控单位"</h3>
                    <DataTable id="figures-units"
                        columns=units rows=stats.units row_key=Some(|u: &UnitKindCount| u.unit_kind.as_str().to_owned()) footer=Some(unit_totals) />
                    <p class="late-units">
                        <span class="meta">"逾期单位："</span>
                        {late_names}
                    </p>
                </div>
                <div>
                    <h3>"处理决定"</h3>
                    <DataTable id="figures-decisions"
                        columns=decisions rows=stats.decisions row_key=Some(|d: &DecisionCount| d.kind.as_str().to_owned()) footer=Some(decision_totals) />
                </div>
            </div>
        </div>
    }
}

fn light_kpi(l: &LightCount) -> impl IntoView + use<> {
    let light = l.light;
    view! {
        <div class="kpi light-kpi" data-light=light.as_str()>
            <div class="kpi-label">
                <LightBadge light=Signal::derive(move || Some(light)) />
            </div>
            <div>
                <span class="kpi-value">{l.projects}</span>
                <span class="kpi-unit">"个项目"</span>
            </div>
        </div>
    }
}
