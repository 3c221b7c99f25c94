use leptos::prelude::*;
use shared::roles::Role;

use super::expert_inbox::ExpertInbox;
use super::firm_inbox::FirmInbox;
use crate::components::{EmptyState, PageHead};
use crate::contexts::use_session;

/// 我的待办 of experts (panel items) and evaluation firms (commissioned
/// ex-ante assessments).
#[component]
pub fn InboxPage() -> impl IntoView {
    let session = use_session();
    let role = session.user_untracked().map(|user| user.role);
    let body = match role {
        Some(Role::Expert) => view! { <ExpertInbox /> }.into_any(),
        Some(Role::Evaluator) => view! { <FirmInbox /> }.into_any(),
        _ => view! { <EmptyState text="暂无分配给您的评审事项" /> }.into_any(),
    };
    view! {
        <PageHead title="我的待办" />
        <div id="inbox">{body}</div>
    }
}
