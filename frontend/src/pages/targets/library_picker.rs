use leptos::prelude::*;
use shared::indicators::Field;

use crate::api::Connection;
use crate::api::indicators::{self, LibraryFilter, LibraryIndicator};
use crate::components::{Column, DataTable, EnumFilter, Loaded};
use crate::pages::indicators::entry_columns;

/// Picks 已入库 indicators from the library: search by name, filter by field;
/// `.library-pick` adds one to the target.
#[component]
pub fn LibraryPicker(on_pick: Callback<LibraryIndicator>, on_close: Callback<()>) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let field = RwSignal::new(None::<Field>);
    let results = LocalResource::new(move || {
        let filter = LibraryFilter {
            search: Some(search.get().trim().to_owned()).filter(|s| !s.is_empty()),
            field: field.get(),
            ..LibraryFilter::default()
        };
        indicators::list(filter, None)
    });
    view! {
        <div class="card picker" id="library-picker">
            <div class="toolbar">
                <strong>"从指标库选取（共性指标）"</strong>
                <input id="library-search" type="search" placeholder="输入指标名称查找" bind:value=search />
                <EnumFilter label="领域" id="library-picker-field" value=field />
                <button type="button" class="secondary" on:click=move |_| on_close.run(())>
                    "关闭"
                </button>
            </div>
            <Loaded resource=results let:page>
                {picker_table(page, on_pick)}
            </Loaded>
        </div>
    }
}

fn picker_table(page: Connection<LibraryIndicator>, on_pick: Callback<LibraryIndicator>) -> impl IntoView {
    let total = page.total_count;
    let entries = page.into_nodes();
    let shown = entries.len();
    let mut columns = entry_columns().to_vec();
    columns.push(Column::new("", move |e: &LibraryIndicator| {
        let picked = StoredValue::new(e.clone());
        view! {
            <button type="button" class="secondary library-pick" on:click=move |_| on_pick.run(picked.get_value())>
                "选用"
            </button>
        }
    }));
    view! {
        <DataTable id="library-results" columns rows=entries empty="指标库中没有符合条件的指标" />
        {(total > i64::try_from(shown).unwrap_or(i64::MAX))
            .then(|| view! { <p class="field-hint">{format!("共 {total} 条，仅显示前 {shown} 条，请输入名称缩小范围")}</p> })}
    }
}
