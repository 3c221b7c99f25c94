use leptos::prelude::*;

use crate::api::targets::Change;

/// A change between revisions as a sentence: 新增指标 …, 删除指标 …,
/// 受益学生人数：指标值 12000 → 12500, 总体目标已修改.
pub fn describe_change(change: &Change) -> String {
    let name = change.name.clone().unwrap_or_default();
    let text = |v: &Option<String>| v.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| "（空）".to_owned());
    match change.kind.as_str() {
        "GOAL_CHANGED" => "总体目标已修改".to_owned(),
        "ADDED" => format!("新增指标 {name}"),
        "REMOVED" => format!("删除指标 {name}"),
        _ => format!(
            "{name}：{} {} → {}",
            change.field.clone().unwrap_or_default(),
            text(&change.before),
            text(&change.after)
        ),
    }
}

/// The changes of a revision, one `<li>` each; says so when there are none.
#[component]
pub fn ChangeList(
    changes: Vec<Change>,
    #[prop(optional)] id: Option<&'static str>,
    /// What to say when nothing changed (e.g. for the first revision).
    #[prop(into)]
    empty: String,
) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p class="empty" id=id>{empty}</p> }.into_any();
    }
    let items = changes
        .iter()
        .map(|change| {
            let goal = (change.kind == "GOAL_CHANGED").then(|| {
                view! {
                    <div class="goal-diff">
                        <del>{change.before.clone().unwrap_or_default()}</del>
                        <ins>{change.after.clone().unwrap_or_default()}</ins>
                    </div>
                }
            });
            view! {
                <li class=format!("change change-{}", change.kind.to_lowercase())>
                    {describe_change(change)} {goal}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="changes" id=id>{items}</ul> }.into_any()
}
