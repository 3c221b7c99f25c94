use leptos::prelude::*;
use shared::indicators::Field;

use super::expert_editor::ExpertEditor;
use crate::api::experts::{self, Expert};
use crate::components::{Column, EnumFilter, FilterBar, Notice, PagedTable, PagerState, RowDetail};

/// 专家库: each expert's fields and declared conflicts of interest, which the
/// random draw respects.
#[component]
pub fn ExpertsTab() -> impl IntoView {
    let field = RwSignal::new(None::<Field>);
    let pager = PagerState::new();
    let editing = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let saved = RwSignal::new(0usize);
    let load = move |after| {
        saved.track();
        experts::list(field.get(), after)
    };
    let on_saved = Callback::new(move |expert: Expert| {
        notice.set(Some(Ok(format!("已保存专家“{}”的领域和回避单位", expert.display_name))));
        editing.set(None);
        saved.update(|n| *n += 1);
    });
    let is_open = move |e: &Expert| editing.with(|open| open.as_deref() == Some(e.id.as_str()));
    let joined = |names: Vec<String>, none: &str| if names.is_empty() { none.to_owned() } else { names.join("、") };
    let columns = vec![
        Column::new("专家", |e: &Expert| e.display_name.clone()),
        Column::new("擅长领域", move |e: &Expert| {
            joined(e.fields.iter().map(|f| f.label().to_owned()).collect(), "未设置")
        }),
        Column::new("回避单位", move |e: &Expert| {
            joined(e.conflict_units.iter().map(|u| u.name.clone()).collect(), "无")
        })
        .wrap(),
        Column::new("操作", move |e: &Expert| {
            let id = e.id.clone();
            let open = {
                let e = e.clone();
                move || is_open(&e)
            };
            let label = {
                let open = open.clone();
                move || if open() { "收起" } else { "编辑" }
            };
            view! {
                <button class="link expert-edit" on:click=move |_| {
                    editing.set(if open() { None } else { Some(id.clone()) });
                }>{label}</button>
            }
        })
        .class("actions"),
    ];
    view! {
        <Notice message=notice />
        <FilterBar>
            <EnumFilter label="领域" id="experts-field" value=field pager />
        </FilterBar>
        <PagedTable
            id="experts-table"
            total_id="experts-total"
            empty="暂无专家"
            columns
            row_key=|e: &Expert| e.id.clone()
            detail=RowDetail::new(is_open, move |e: &Expert| view! { <ExpertEditor expert=e.clone() on_saved /> })
            pager
            load
        />
    }
}
