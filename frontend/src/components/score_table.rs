use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::ex_ante::Dimension;

use crate::format::number;

/// Five dimension scores (in `Dimension::ALL` order) and their total, read-only.
#[component]
pub fn ScoreTable(scores: Vec<Decimal>, #[prop(optional_no_strip)] total: Option<Decimal>) -> impl IntoView {
    let total = total.unwrap_or_else(|| scores.iter().sum());
    let cells = Dimension::ALL
        .iter()
        .zip(scores)
        .map(|(dimension, score)| {
            view! {
                <tr>
                    <td>{dimension.label()}</td>
                    <td class="num">{number(score)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data scores">
            <thead>
                <tr>
                    <th>"评估维度"</th>
                    <th class="num">"得分"</th>
                </tr>
            </thead>
            <tbody>{cells}</tbody>
            <tfoot>
                <tr>
                    <td>"总分"</td>
                    <td class="num score-total">{number(total)}</td>
                </tr>
            </tfoot>
        </table>
    }
}
