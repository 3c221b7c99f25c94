use leptos::prelude::*;
use shared::targets::TargetIndicator;

use super::{Column, DataTable};
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
    let rows: Vec<(usize, TargetIndicator)> = indicators.into_iter().enumerate().collect();
    let columns = vec![
        Column::num("序号", |(i, _): &(usize, TargetIndicator)| i + 1),
        Column::new("一级指标", |(_, ind): &(usize, TargetIndicator)| ind.level2.level1().label()),
        Column::new("二级指标", |(_, ind): &(usize, TargetIndicator)| ind.level2.label()),
        Column::new("三级指标", |(_, ind): &(usize, TargetIndicator)| {
            view! { {ind.name.clone()} <span class="tag muted">{ind.source.label()}</span> }
        }),
        Column::new("指标性质", |(_, ind): &(usize, TargetIndicator)| ind.comparator.label()),
        Column::new("指标值", |(_, ind): &(usize, TargetIndicator)| {
            let explanation = ind.explanation.trim();
            if explanation.is_empty() {
                ind.target_value.clone()
            } else {
                format!("{}（{explanation}）", ind.target_value)
            }
        }),
        Column::new("计量单位", |(_, ind): &(usize, TargetIndicator)| ind.unit.clone()),
        Column::num("权重", |(_, ind): &(usize, TargetIndicator)| number(ind.weight)),
        Column::new("指标方向", |(_, ind): &(usize, TargetIndicator)| ind.direction.label()),
        Column::new("评分标准", |(_, ind): &(usize, TargetIndicator)| ind.scoring_standard.clone()).wrap(),
    ];
    view! { <DataTable class="indicators" columns rows row_class empty="尚未设置绩效指标" /> }
}
