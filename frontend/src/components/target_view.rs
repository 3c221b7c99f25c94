use leptos::prelude::*;
use shared::targets::TargetIndicator;

use super::IndicatorTable;

/// A target read-only: the overall goal and the indicators.
#[component]
pub fn TargetView(
    overall_goal: String,
    indicators: Vec<TargetIndicator>,
    /// The id of the goal element (`#target-goal` on the target page).
    #[prop(optional)]
    goal_id: Option<&'static str>,
    #[prop(default = "indicator-row")] row_class: &'static str,
) -> impl IntoView {
    let goal = if overall_goal.trim().is_empty() { "（未填写）".to_owned() } else { overall_goal };
    view! {
        <div class="target-view">
            <h3>"总体目标"</h3>
            <textarea class="goal" id=goal_id readonly rows="3" prop:value=goal></textarea>
            <h3>"绩效指标"</h3>
            <IndicatorTable indicators row_class />
        </div>
    }
}
