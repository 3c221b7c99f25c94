use leptos::prelude::*;
use shared::indicators::{Field, Level1, Level2, LibraryStatus};

use super::library_rows::library_table;
use crate::api::ApiError;
use crate::api::library::{self, LibraryFilter};
use crate::components::{AsyncSection, EnumSelect, Level2Select, Pager, PagerState};

/// The library searched and filtered (领域, 一级, 二级), paged. `statuses`
/// lists the statuses the tab shows (a select when more than one); with
/// `reviewable`, each row offers 入库 / 不予入库.
#[component]
pub fn LibraryBrowser(
    statuses: &'static [LibraryStatus],
    #[prop(optional)] reviewable: bool,
    /// Bumped after a change elsewhere on the page (new entry, import).
    #[prop(into)]
    refresh: Signal<usize>,
) -> impl IntoView {
    let status = RwSignal::new(statuses.first().copied());
    let search_input = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let field = RwSignal::new(None::<Field>);
    let level1 = RwSignal::new(None::<Level1>);
    let level2 = RwSignal::new(None::<Level2>);
    let pager = PagerState::new();
    let reviewed = RwSignal::new(0usize);
    let reset = Callback::new(move |()| pager.reset());
    // A 二级 of another 一级 no longer applies.
    let on_level1 = Callback::new(move |()| {
        if level2.get_untracked().is_some_and(|l2| Some(l2.level1()) != level1.get_untracked()) {
            level2.set(None);
        }
        pager.reset();
    });
    let page = LocalResource::new(move || {
        refresh.track();
        reviewed.track();
        let filter = LibraryFilter {
            search: Some(search.get()).filter(|s| !s.is_empty()),
            field: field.get(),
            level1: level1.get(),
            level2: level2.get(),
            status: status.get().unwrap_or(LibraryStatus::Active),
        };
        library::list(filter, pager.after())
    });
    view! {
        <div class="toolbar">
            <form on:submit=move |ev| {
                ev.prevent_default();
                search.set(search_input.get_untracked().trim().to_owned());
                pager.reset();
            }>
                <input id="library-search" type="search" placeholder="指标名称" bind:value=search_input />
                <button type="submit" class="secondary">"查询"</button>
            </form>
            <label>
                "领域"
                <EnumSelect
                    id="library-field"
                    options=Field::ALL
                    value=field
                    label=Field::label
                    code=Field::as_str
                    parse=Field::parse
                    any_label="全部"
                    on_change=reset
                />
            </label>
            <label>
                "一级指标"
                <EnumSelect
                    id="library-level1"
                    options=Level1::ALL
                    value=level1
                    label=Level1::label
                    code=Level1::as_str
                    parse=Level1::parse
                    any_label="全部"
                    on_change=on_level1
                />
            </label>
            <label>
                "二级指标"
                <Level2Select id="library-level2" value=level2 any_label="全部" on_change=reset />
            </label>
            {(statuses.len() > 1)
                .then(|| {
                    view! {
                        <label>
                            "状态"
                            <EnumSelect
                                id="library-status"
                                options=statuses
                                value=status
                                label=LibraryStatus::label
                                code=LibraryStatus::as_str
                                parse=LibraryStatus::parse
                                on_change=reset
                            />
                        </label>
                    }
                })}
        </div>
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection = page.await?;
                let total = connection.total_count;
                let next_cursor = connection.next_cursor();
                let on_reviewed = Callback::new(move |()| reviewed.update(|n| *n += 1));
                Ok::<_, ApiError>(view! {
                    {library_table(connection.into_nodes(), reviewable, on_reviewed)}
                    <Pager state=pager total next_cursor total_id="library-total" />
                })
            })}
        </AsyncSection>
    }
}
