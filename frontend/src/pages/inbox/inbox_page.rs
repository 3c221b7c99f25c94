use leptos::prelude::*;

use crate::components::EmptyState;

/// 我的待办 of experts and evaluation firms. Review assignments arrive with the
/// review and evaluation stages; until then the inbox says so honestly.
#[component]
pub fn InboxPage() -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>"我的待办"</h1>
        </div>
        <div class="card" id="inbox">
            <EmptyState text="暂无分配给您的评审事项" />
        </div>
    }
}
