use leptos::prelude::*;

/// Any path without a route.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <div class="forbidden">
            <h1>"页面不存在"</h1>
            <p>
                <a href="/">"返回首页"</a>
            </p>
        </div>
    }
}
