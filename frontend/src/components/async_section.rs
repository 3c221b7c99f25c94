use leptos::prelude::*;

use super::{EmptyState, ErrorList, Loading};
use crate::api::ApiError;

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

/// The data of `resource`, once loaded, shown by `children` inside an
/// [`AsyncSection`]: `<Loaded resource let:data>…</Loaded>`.
#[component]
pub fn Loaded<T, F, IV>(resource: LocalResource<Result<T, ApiError>>, children: F) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    view! {
        <AsyncSection>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let data = resource.await?;
                    Ok::<_, ApiError>(children(data))
                })
            }}
        </AsyncSection>
    }
}

/// [`Loaded`] for a lookup by id: `children` get the record, or `missing`
/// is said when there is none (it does not exist or is out of scope).
#[component]
pub fn Found<T, F, IV>(
    resource: LocalResource<Result<Option<T>, ApiError>>,
    missing: &'static str,
    children: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    view! {
        <Loaded resource let:found>
            {match found {
                Some(record) => children(record).into_any(),
                None => view! { <EmptyState text=missing /> }.into_any(),
            }}
        </Loaded>
    }
}
