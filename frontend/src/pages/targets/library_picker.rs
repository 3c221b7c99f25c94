use leptos::prelude::*;
use shared::indicators::Field;

use crate::api::ApiError;
use crate::api::library::{self, LibraryFilter, LibraryIndicator};
use crate::components::{AsyncSection, EmptyState, EnumSelect};

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
        library::list(filter, None)
    });
    view! {
        <div class="card picker" id="library-picker">
            <div class="toolbar">
                <strong>"从指标库选取（共性指标）"</strong>
                <input
                    id="library-search"
                    type="search"
                    placeholder="输入指标名称查找"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <label>
                    "领域"
                    <EnumSelect
                        id="library-picker-field"
                        options=Field::ALL
                        value=field
                        label=Field::label
                        code=Field::as_str
                        parse=Field::parse
                        any_label="全部"
                    />
                </label>
                <button type="button" class="secondary" on:click=move |_| on_close.run(())>
                    "关闭"
                </button>
            </div>
            <AsyncSection>
                {move || Suspend::new(async move {
                    let page = results.await?;
                    let total = page.total_count;
                    let entries = page.into_nodes();
                    Ok::<_, ApiError>(picker_table(entries, total, on_pick))
                })}
            </AsyncSection>
        </div>
    }
}

fn picker_table(entries: Vec<LibraryIndicator>, total: i64, on_pick: Callback<LibraryIndicator>) -> AnyView {
    if entries.is_empty() {
        return view! { <EmptyState text="指标库中没有符合条件的指标" /> }.into_any();
    }
    let shown = entries.len();
    let rows = entries
        .into_iter()
        .map(|entry| {
            let picked = StoredValue::new(entry.clone());
            view! {
                <tr>
                    <td>{entry.field.label()}</td>
                    <td>{entry.level2.label()}</td>
                    <td>{entry.name}</td>
                    <td>{entry.comparator.label()}</td>
                    <td>{entry.reference_value}</td>
                    <td>{entry.unit}</td>
                    <td>
                        <button
                            type="button"
                            class="secondary library-pick"
                            on:click=move |_| on_pick.run(picked.get_value())
                        >
                            "选用"
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="library-results">
            <thead>
                <tr>
                    <th>"领域"</th>
                    <th>"二级指标"</th>
                    <th>"三级指标"</th>
                    <th>"指标性质"</th>
                    <th>"参考值"</th>
                    <th>"计量单位"</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {(total > i64::try_from(shown).unwrap_or(i64::MAX))
            .then(|| view! { <p class="field-hint">{format!("共 {total} 条，仅显示前 {shown} 条，请输入名称缩小范围")}</p> })}
    }
    .into_any()
}
