use leptos::prelude::*;

use super::{ErrorList, Loading};

/// Wraps an async view: shows loading on the first load, keeps the old content
/// while reloading, and shows errors in Chinese.
#[component]
pub fn AsyncSection(children: Children) -> impl IntoView {
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors /> }>{children()}</ErrorBoundary>
        </Transition>
    }
}
