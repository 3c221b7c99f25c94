use leptos::prelude::*;
use shared::targets::TargetIssue;

/// The live checks' findings (`#target-issues`), one `<li>` each, naming the
/// indicator row when the finding is about one.
#[component]
pub fn TargetIssues(issues: Signal<Vec<TargetIssue>>) -> impl IntoView {
    let items = move || {
        issues
            .get()
            .into_iter()
            .map(|issue| {
                let text = match issue.indicator {
                    Some(i) => format!("第 {} 行：{}", i + 1, issue.message),
                    None => issue.message,
                };
                view! { <li data-field=issue.field>{text}</li> }
            })
            .collect_view()
    };
    view! {
        <div class="issues">
            <Show
                when=move || issues.with(Vec::is_empty)
                fallback=|| view! { <p class="issues-title">"提交前须修改以下问题："</p> }
            >
                <p class="issues-title ok">"全部检查通过"</p>
            </Show>
            <ul id="target-issues">{items}</ul>
        </div>
    }
}
