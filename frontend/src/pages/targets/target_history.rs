use leptos::prelude::*;

use crate::api::targets::TargetRevision;
use crate::components::{ChangeList, TargetView};
use crate::format::date_time;

/// 历史: every submitted revision, newest first, with what changed since the
/// one before and, folded, the revision itself.
#[component]
pub fn TargetHistory(revisions: Vec<TargetRevision>) -> impl IntoView {
    if revisions.is_empty() {
        return view! { <p class="empty" id="target-history">"尚未提交过"</p> }.into_any();
    }
    let items = revisions
        .into_iter()
        .rev()
        .map(|rev| {
            let empty = if rev.number == 1 { "首次提交" } else { "与上一版相比无变化" };
            view! {
                <li class="revision" data-number=rev.number>
                    <div class="revision-head">
                        <strong>{format!("第 {} 版", rev.number)}</strong>
                        <span class="meta">{format!("{} 提交于 {}", rev.submitted_by, date_time(&rev.submitted_at))}</span>
                    </div>
                    <ChangeList changes=rev.changes empty=empty />
                    <details>
                        <summary>"查看该版内容"</summary>
                        <TargetView overall_goal=rev.overall_goal indicators=rev.indicators row_class="revision-row" />
                    </details>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="history" id="target-history">{items}</ol> }.into_any()
}
