use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::contexts::use_session;

/// The left navigation: the sections of the user's role.
#[component]
pub fn SideNav() -> impl IntoView {
    let session = use_session();
    let pathname = use_location().pathname;
    let links = move || {
        let role = session.user().map(|user| user.role);
        session
            .nav()
            .into_iter()
            .filter_map(|item| {
                let role = role?;
                let href = item.href();
                let active = move || pathname.with(|path| path == href || path.starts_with(&format!("{href}/")));
                Some(view! {
                    <a id=item.element_id() href=href class:active=active>
                        {item.label(role)}
                    </a>
                })
            })
            .collect_view()
    };
    view! { <nav class="side-nav" aria-label="主导航">{links}</nav> }
}
