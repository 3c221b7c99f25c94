use crate::format::level1_label;
use leptos::prelude::*;
use shared::indicators::{Field, Level1, Level2, LibraryStatus};

use super::import_export::ExportButton;
use super::library_rows::library_columns;
use crate::api::indicators::{self, LibraryFilter, LibraryIndicator};
use crate::components::{EnumFilter, EnumSelect, FilterBar, PagedTable, PagerState, TableActions};

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
    /// Offers 导出 under the table (the 绩效股).
    #[prop(optional)]
    exportable: bool,
) -> impl IntoView {
    let status = RwSignal::new(statuses.first().copied());
    let search = RwSignal::new(String::new());
    let field = RwSignal::new(None::<Field>);
    let level1 = RwSignal::new(None::<Level1>);
    let level2 = RwSignal::new(None::<Level2>);
    let pager = PagerState::new();
    let reviewed = RwSignal::new(0usize);
    // A 二级 of another 一级 no longer applies.
    let on_level1 = Callback::new(move |()| {
        if level2.get_untracked().is_some_and(|l2| Some(l2.level1()) != level1.get_untracked()) {
            level2.set(None);
        }
    });
    let on_reviewed = Callback::new(move |()| reviewed.update(|n| *n += 1));
    let load = move |after| {
        refresh.track();
        reviewed.track();
        let filter = LibraryFilter {
            search: Some(search.get()).filter(|s| !s.is_empty()),
            field: field.get(),
            level1: level1.get(),
            level2: level2.get(),
            status: status.get().unwrap_or(LibraryStatus::Active),
        };
        indicators::list(filter, after)
    };
    view! {
        <FilterBar search search_id="library-search" placeholder="指标名称" pager>
            <EnumFilter label="领域" id="library-field" value=field pager />
            <EnumFilter label="一级指标" id="library-level1" value=level1 pager on_change=on_level1 />
            <label>
                "二级指标"
                <EnumSelect
                    id="library-level2"
                    value=level2
                    any_label=Some("全部")
                    group=level1_label
                    on_change=Callback::new(move |()| pager.reset())
                />
            </label>
            {(statuses.len() > 1).then(|| view! {
                <EnumFilter label="状态" id="library-status" value=status options=statuses pager required=true />
            })}
        </FilterBar>
        <PagedTable id="library-table" total_id="library-total" empty="没有符合条件的指标"
            columns=library_columns(reviewable, on_reviewed) row_key=|e: &LibraryIndicator| e.id.clone() pager load >
            <TableActions slot>{exportable.then(|| view! { <ExportButton /> })}</TableActions>
        </PagedTable>
    }
}
