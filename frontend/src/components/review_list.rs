use leptos::prelude::*;

use super::{Column, DataTable};
use crate::api::targets::TargetReview;
use crate::format::date_time;

/// 审核记录 (`#target-reviews`): each step's action, reasons, budget
/// adjustment, who and when.
#[component]
pub fn ReviewList(reviews: Vec<TargetReview>) -> impl IntoView {
    let columns = vec![
        Column::new("环节", |r: &TargetReview| r.step.label()),
        Column::new("操作", |r: &TargetReview| r.action.label()),
        Column::num("版本", |r: &TargetReview| format!("第 {} 版", r.revision)),
        Column::new(
            "意见/理由",
            |r: &TargetReview| if r.reasons.is_empty() { "—".to_owned() } else { r.reasons.clone() },
        )
        .wrap(),
        Column::yuan("调整预算(元)", |r: &TargetReview| r.adjust_amount),
        Column::new("审核人", |r: &TargetReview| {
            if r.reviewer.contains(&r.organisation) {
                r.reviewer.clone()
            } else {
                format!("{}（{}）", r.reviewer, r.organisation)
            }
        }),
        Column::new("时间", |r: &TargetReview| date_time(&r.at)),
    ];
    view! { <DataTable id="target-reviews" columns rows=reviews empty="暂无审核记录" /> }
}
