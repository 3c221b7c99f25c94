use leptos::prelude::*;

/// Cursor pagination state: the `after` cursors of the pages visited so far.
#[derive(Debug, Clone, Copy)]
pub struct PagerState {
    stack: RwSignal<Vec<String>>,
}

impl PagerState {
    pub fn new() -> Self {
        Self { stack: RwSignal::new(Vec::new()) }
    }

    /// The `after` cursor of the current page (tracked).
    pub fn after(&self) -> Option<String> {
        self.stack.with(|stack| stack.last().cloned())
    }

    /// The 1-based page number (tracked).
    pub fn page(&self) -> usize {
        self.stack.with(Vec::len) + 1
    }

    pub fn next(&self, cursor: String) {
        self.stack.update(|stack| stack.push(cursor));
    }

    pub fn prev(&self) {
        self.stack.update(|stack| {
            stack.pop();
        });
    }

    /// Back to the first page (after a filter changes).
    pub fn reset(&self) {
        if self.stack.with_untracked(|stack| !stack.is_empty()) {
            self.stack.set(Vec::new());
        }
    }
}

impl Default for PagerState {
    fn default() -> Self {
        Self::new()
    }
}

/// 共 N 条 · 第 k 页, with 上一页 / 下一页.
#[component]
pub fn Pager(
    state: PagerState,
    total: i64,
    next_cursor: Option<String>,
    /// The element id of the total count.
    #[prop(optional)]
    total_id: Option<&'static str>,
) -> impl IntoView {
    let has_next = next_cursor.is_some();
    let next_cursor = StoredValue::new(next_cursor);
    view! {
        <div class="pager">
            <span>
                "共 " <strong id=total_id>{total}</strong> " 条 · 第 " {move || state.page()} " 页"
            </span>
            <span class="buttons">
                <button
                    class="secondary"
                    disabled=move || state.page() <= 1
                    on:click=move |_| state.prev()
                >
                    "上一页"
                </button>
                <button
                    class="secondary"
                    disabled=!has_next
                    on:click=move |_| {
                        if let Some(cursor) = next_cursor.get_value() {
                            state.next(cursor);
                        }
                    }
                >
                    "下一页"
                </button>
            </span>
        </div>
    }
}
