use leptos::prelude::*;
use shared::indicators::Field;

use super::expert_editor::ExpertEditor;
use crate::api::ApiError;
use crate::api::experts::{self, Expert};
use crate::components::{AsyncSection, EmptyState, EnumSelect, Notice, Pager, PagerState};

/// 专家库: each expert's fields and declared conflicts of interest, which the
/// random draw respects.
#[component]
pub fn ExpertsTab() -> impl IntoView {
    let field = RwSignal::new(None::<Field>);
    let pager = PagerState::new();
    let editing = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let saved = RwSignal::new(0usize);
    let page = LocalResource::new(move || {
        saved.track();
        experts::list(field.get(), pager.after())
    });
    let on_saved = Callback::new(move |expert: Expert| {
        notice.set(Some(Ok(format!("已保存专家“{}”的领域和回避单位", expert.display_name))));
        editing.set(None);
        saved.update(|n| *n += 1);
    });
    view! {
        <Notice message=notice />
        <div class="toolbar">
            <label>
                "领域"
                <EnumSelect
                    id="experts-field"
                    options=Field::ALL
                    value=field
                    label=Field::label
                    code=Field::as_str
                    parse=Field::parse
                    any_label="全部"
                    on_change=Callback::new(move |()| pager.reset())
                />
            </label>
        </div>
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection = page.await?;
                let total = connection.total_count;
                let next_cursor = connection.next_cursor();
                let list = connection.into_nodes();
                let empty = list.is_empty();
                let rows = list.into_iter().map(|expert| expert_row(expert, editing, on_saved)).collect_view();
                Ok::<_, ApiError>(view! {
                    <table class="data" id="experts-table">
                        <thead><tr><th>"专家"</th><th>"擅长领域"</th><th>"回避单位"</th><th>"操作"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {empty.then(|| view! { <EmptyState text="暂无专家" /> })}
                    <Pager state=pager total next_cursor total_id="experts-total" />
                })
            })}
        </AsyncSection>
    }
}

fn expert_row(expert: Expert, editing: RwSignal<Option<String>>, on_saved: Callback<Expert>) -> impl IntoView {
    let fields = expert.fields.iter().map(|f| f.label()).collect::<Vec<_>>().join("、");
    let conflicts = expert.conflict_units.iter().map(|u| u.name.clone()).collect::<Vec<_>>().join("、");
    let name = expert.display_name.clone();
    let row_id = expert.id.clone();
    let stored = StoredValue::new(expert);
    let is_open = move || stored.with_value(|e| editing.with(|open| open.as_deref() == Some(e.id.as_str())));
    view! {
        <tr data-id=row_id>
            <td>{name}</td>
            <td>{if fields.is_empty() { "未设置".to_owned() } else { fields }}</td>
            <td class="wrap">{if conflicts.is_empty() { "无".to_owned() } else { conflicts }}</td>
            <td class="actions">
                <button class="link expert-edit" on:click=move |_| {
                    editing.set(if is_open() { None } else { Some(stored.with_value(|e| e.id.clone())) });
                }>{move || if is_open() { "收起" } else { "编辑" }}</button>
            </td>
        </tr>
        {move || is_open().then(|| view! {
            <tr class="details"><td colspan="4"><ExpertEditor expert=stored.get_value() on_saved /></td></tr>
        })}
    }
}
