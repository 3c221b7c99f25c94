use leptos::prelude::*;
use shared::money::format_yuan;

use crate::api::targets::TargetReview;
use crate::format::date_time;

/// 审核记录: each step's action, reasons, budget adjustment, who and when.
#[component]
pub fn ReviewList(reviews: Vec<TargetReview>) -> impl IntoView {
    if reviews.is_empty() {
        return view! { <p class="empty" id="target-reviews">"暂无审核记录"</p> }.into_any();
    }
    let rows = reviews
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{r.step.label()}</td>
                    <td>{r.action.label()}</td>
                    <td class="num">{format!("第 {} 版", r.revision)}</td>
                    <td class="wrap">{if r.reasons.is_empty() { "—".to_owned() } else { r.reasons }}</td>
                    <td class="num">{r.adjust_amount.map_or_else(|| "—".to_owned(), format_yuan)}</td>
                    <td>
                        {if r.reviewer.contains(&r.organisation) {
                            r.reviewer
                        } else {
                            format!("{}（{}）", r.reviewer, r.organisation)
                        }}
                    </td>
                    <td>{date_time(&r.at)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="target-reviews">
            <thead>
                <tr>
                    <th>"环节"</th>
                    <th>"操作"</th>
                    <th class="num">"版本"</th>
                    <th>"意见/理由"</th>
                    <th class="num">"调整预算(元)"</th>
                    <th>"审核人"</th>
                    <th>"时间"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
