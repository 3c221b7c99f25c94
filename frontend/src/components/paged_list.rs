use std::future::Future;

use leptos::prelude::*;

use super::{AsyncSection, EmptyState, Pager, PagerState};
use crate::api::{ApiError, Connection};

/// A paged list of anything but table rows (cards): loads a page with
/// `load(after)` and shows its items with `children` inside `div#id`, then
/// 共 N 条 · 第 k 页 (`#total_id`). `<PagedList … let:items>…</PagedList>`.
#[component]
pub fn PagedList<T, F, Fut, C, IV>(
    /// The element id of the list.
    id: &'static str,
    /// The element id of the total count.
    total_id: &'static str,
    load: F,
    children: C,
    #[prop(optional)] pager: Option<PagerState>,
    #[prop(optional)] empty: &'static str,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(Option<String>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Connection<T>, ApiError>> + 'static,
    C: Fn(Vec<T>) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let pager = pager.unwrap_or_default();
    let page = LocalResource::new(move || load(pager.after()));
    view! {
        <AsyncSection>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let connection = page.await?;
                    let (total, next_cursor) = (connection.total_count, connection.next_cursor());
                    let items = connection.into_nodes();
                    let none = (items.is_empty() && !empty.is_empty()).then(|| view! { <EmptyState text=empty /> });
                    Ok::<_, ApiError>(view! {
                        <div id=id>{children(items)}</div>
                        {none}
                        <Pager state=pager total next_cursor total_id />
                    })
                })
            }}
        </AsyncSection>
    }
}
