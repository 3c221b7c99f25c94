use leptos::prelude::*;
use shared::permissions::Capability;

use super::Forbidden;
use crate::contexts::use_session;
use crate::nav::NavItem;

/// Renders its children only for users whose navigation holds `item` (and who
/// have `capability`, if given); others see 无权访问.
#[component]
pub fn RequireNav(
    item: NavItem,
    #[prop(optional)] capability: Option<Capability>,
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let allowed = Memo::new(move |_| session.nav().contains(&item) && capability.is_none_or(|cap| session.can(cap)));
    move || {
        if allowed.get() { children().into_any() } else { view! { <Forbidden /> }.into_any() }
    }
}
