use leptos::prelude::*;

use crate::api::targets::TargetIndicator;
use crate::format::number;

/// A target's indicators, read-only: 一级/二级, name, comparator and value,
/// unit, weight, direction, scoring standard.
#[component]
pub fn IndicatorTable(
    indicators: Vec<TargetIndicator>,
    /// The class of each row: `indicator-row` for the current target, another
    /// for past revisions (so that the current rows can be counted).
    #[prop(default = "indicator-row")]
    row_class: &'static str,
) -> impl IntoView {
    if indicators.is_empty() {
        return view! { <p class="empty">"尚未设置绩效指标"</p> }.into_any();
    }
    let rows = indicators
        .into_iter()
        .zip(1..)
        .map(|(ind, row)| {
            let explanation = (!ind.explanation.trim().is_empty()).then(|| format!("（{}）", ind.explanation));
            view! {
                <tr class=row_class>
                    <td class="num">{row}</td>
                    <td>{ind.level1.label()}</td>
                    <td>{ind.level2.label()}</td>
                    <td>
                        {ind.name} <span class="tag muted">{ind.source.label()}</span>
                    </td>
                    <td>{ind.comparator.label()}</td>
                    <td>{ind.target_value} {explanation}</td>
                    <td>{ind.unit}</td>
                    <td class="num">{number(ind.weight)}</td>
                    <td>{ind.direction.label()}</td>
                    <td class="wrap">{ind.scoring_standard}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data indicators">
            <thead>
                <tr>
                    <th class="num">"序号"</th>
                    <th>"一级指标"</th>
                    <th>"二级指标"</th>
                    <th>"三级指标"</th>
                    <th>"指标性质"</th>
                    <th>"指标值"</th>
                    <th>"计量单位"</th>
                    <th class="num">"权重"</th>
                    <th>"指标方向"</th>
                    <th>"评分标准"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
