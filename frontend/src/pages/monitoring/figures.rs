use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::money::format_wan;

use crate::api::monitoring::Statistics;
use crate::components::LightBadge;

/// The figures of a round or a year: units monitored / submitted / late by
/// kind (with the late units' names), projects by light, decisions by kind
/// with their amounts in 万元.
#[component]
pub fn MonitoringFigures(stats: Statistics, id: &'static str) -> impl IntoView {
    let (monitored, submitted, late) =
        stats.units.iter().fold((0, 0, 0), |(m, s, l), u| (m + u.monitored, s + u.submitted, l + u.late));
    let unit_rows = stats
        .units
        .iter()
        .map(|u| {
            view! {
                <tr data-kind=u.unit_kind.as_str()>
                    <td>{u.unit_kind.label()}</td>
                    <td class="num">{u.monitored}</td>
                    <td class="num">{u.submitted}</td>
                    <td class="num">{u.late}</td>
                </tr>
            }
        })
        .collect_view();
    let late_names = if stats.late_units.is_empty() { "无".to_owned() } else { stats.late_units.join("、") };
    let lights = stats
        .by_light
        .iter()
        .map(|l| {
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
        })
        .collect_view();
    let (decided, decided_amount) =
        stats.decisions.iter().fold((0, Decimal::ZERO), |(n, a), d| (n + d.projects, a + d.amount));
    let decision_rows = stats
        .decisions
        .iter()
        .map(|d| {
            view! {
                <tr data-kind=d.kind.as_str()>
                    <td>{d.kind.label()}</td>
                    <td class="num">{d.projects}</td>
                    <td class="num">{format_wan(d.amount)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="monitoring-figures" id=id>
            <div class="kpis light-kpis">{lights}</div>
            <div class="two-col">
                <div>
                    <h3>"监控单位"</h3>
                    <table class="data figures-units">
                        <thead>
                            <tr>
                                <th>"单位类型"</th>
                                <th class="num">"监控单位数"</th>
                                <th class="num">"已提交"</th>
                                <th class="num">"逾期"</th>
                            </tr>
                        </thead>
                        <tbody>{unit_rows}</tbody>
                        <tfoot>
                            <tr>
                                <td>"合计"</td>
                                <td class="num">{monitored}</td>
                                <td class="num">{submitted}</td>
                                <td class="num">{late}</td>
                            </tr>
                        </tfoot>
                    </table>
                    <p class="late-units">
                        <span class="meta">"逾期单位："</span>
                        {late_names}
                    </p>
                </div>
                <div>
                    <h3>"处理决定"</h3>
                    <table class="data figures-decisions">
                        <thead>
                            <tr>
                                <th>"决定"</th>
                                <th class="num">"项目数"</th>
                                <th class="num">"金额（万元）"</th>
                            </tr>
                        </thead>
                        <tbody>{decision_rows}</tbody>
                        <tfoot>
                            <tr>
                                <td>"合计"</td>
                                <td class="num">{decided}</td>
                                <td class="num">{format_wan(decided_amount)}</td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
            </div>
        </div>
    }
}
