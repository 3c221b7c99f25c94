use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::components::EmptyState;
use crate::contexts::use_session;

/// `/`: sends the user to the first section of their role.
#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    move || match session.nav().first() {
        Some(item) => view! { <Redirect path=item.href() /> }.into_any(),
        None => view! { <EmptyState text="您的角色暂无可用的功能。" /> }.into_any(),
    }
}
