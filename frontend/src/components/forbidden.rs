use leptos::prelude::*;

/// Shown on a route the user's role has no navigation item for.
#[component]
pub fn Forbidden() -> impl IntoView {
    view! {
        <div class="forbidden" id="forbidden">
            <h1>"无权访问"</h1>
            <p>"您的角色无权访问此页面，请从左侧导航进入您的工作事项。"</p>
        </div>
    }
}
