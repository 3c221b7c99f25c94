use std::future::Future;

use leptos::prelude::*;

use super::{AsyncSection, Column, DataTable, Pager, PagerState, RowDetail};
use crate::api::{ApiError, Connection};

/// Buttons shown beside the pager of a [`PagedTable`] (e.g. 导出).
#[slot]
pub struct TableActions {
    children: ChildrenFn,
}

/// A paged list: loads a page with `load(after)` (again whenever a signal it
/// reads changes, or the pager moves) and shows it as a [`DataTable`] with
/// 共 N 条 · 第 k 页 (`#total_id`) and 上一页 / 下一页. Loading and errors
/// show as in [`AsyncSection`].
#[component]
pub fn PagedTable<T, F, Fut>(
    id: &'static str,
    /// The element id of the total count.
    total_id: &'static str,
    columns: Vec<Column<T>>,
    load: F,
    /// Pass one in when filters outside the table must go back to page 1.
    #[prop(optional)]
    pager: Option<PagerState>,
    #[prop(optional)] empty: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] row_class: &'static str,
    #[prop(optional)] row_key: Option<fn(&T) -> String>,
    #[prop(optional)] detail: Option<RowDetail<T>>,
    #[prop(optional)] table_actions: Option<TableActions>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Option<String>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Connection<T>, ApiError>> + 'static,
{
    let pager = pager.unwrap_or_default();
    let page = LocalResource::new(move || load(pager.after()));
    let columns = StoredValue::new(columns);
    let detail = StoredValue::new(detail);
    let actions = StoredValue::new(table_actions.map(|a| a.children));
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection = page.await?;
                let total = connection.total_count;
                let next_cursor = connection.next_cursor();
                let actions = actions.get_value().map(|children| view! { <div class="table-actions">{children()}</div> });
                Ok::<_, ApiError>(view! {
                    <DataTable id columns=columns.get_value() rows=connection.into_nodes() empty class row_class row_key detail=detail.get_value() />
                    <div class="table-foot">
                        {actions}
                        <Pager state=pager total next_cursor total_id />
                    </div>
                })
            })}
        </AsyncSection>
    }
}
