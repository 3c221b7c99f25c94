use crate::format::level1_label;
use leptos::prelude::*;

use super::row_draft::RowDraft;
use crate::components::{EnumSelect, TextInput};

/// One editable indicator row (`.indicator-row`). `problems` are the fields
/// of this row the live checks refuse; their inputs are marked invalid.
#[component]
pub fn IndicatorRow(
    row: RowDraft,
    /// 1-based row number.
    number: Signal<usize>,
    problems: Signal<Vec<&'static str>>,
    on_remove: Callback<u64>,
) -> impl IntoView {
    let bad = move |field: &'static str| problems.with(|p| p.contains(&field));
    let text_input = move |class: &'static str, field: &'static str, value: RwSignal<String>, hint: &'static str| {
        view! { <TextInput class value placeholder=hint invalid=Signal::derive(move || bad(field)) /> }
    };
    view! {
        <tr class="indicator-row" data-key=row.key.to_string()>
            <td class="num">{number}</td>
            <td>
                <EnumSelect value=row.level2 class="ind-level2" group=level1_label />
            </td>
            <td>
                {text_input("ind-name", "name", row.name, "三级指标名称")}
                <span class="tag muted">{row.source.label()}</span>
            </td>
            <td>
                <EnumSelect class="ind-comparator" value=row.comparator />
            </td>
            <td>{text_input("ind-value", "targetValue", row.target_value, "指标值")}</td>
            <td>{text_input("ind-unit", "unit", row.unit, "单位")}</td>
            <td>
                <TextInput class="ind-weight" value=row.weight placeholder="权重" decimal=true invalid=Signal::derive(move || bad("weight")) />
            </td>
            <td>
                <EnumSelect class="ind-direction" value=row.direction />
            </td>
            <td>{text_input("ind-scoring", "scoringStandard", row.scoring_standard, "评分标准")}</td>
            <td>{text_input("ind-explanation", "explanation", row.explanation, "定量（其他）须说明")}</td>
            <td>
                <button type="button" class="link danger ind-remove" on:click=move |_| on_remove.run(row.key)>
                    "删除"
                </button>
            </td>
        </tr>
    }
}
