use leptos::prelude::*;
use shared::years::valid_year;

use crate::api::years::{self, FiscalYear};
use crate::components::{Card, Column, Confirm, ConfirmDialog, DataTable, FormField, Loaded, Notice, PageHead};
use crate::contexts::use_years;

/// 预算年度 (admin): the years, a new year, and moving a year on
/// 编制 → 执行 → 决算 → 关闭 (one step at a time, after a confirmation).
#[component]
pub fn YearsPage() -> impl IntoView {
    let years = use_years();
    let year_input = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let confirm = Confirm::new();

    let create = Action::new_local(move |year: &i32| {
        let year = *year;
        async move {
            match years::create(year).await {
                Ok(created) => {
                    notice.set(Some(Ok(format!("已新建 {} 年度", created.year))));
                    year_input.set(String::new());
                    touched.set(false);
                    years.refetch();
                }
                Err(err) => notice.set(Some(Err(err.message))),
            }
        }
    });
    let advance = Action::new_local(move |year: &FiscalYear| {
        let year = year.clone();
        async move {
            match years::advance(year.id.clone()).await {
                Ok(moved) => {
                    notice.set(Some(Ok(format!("{} 年度已进入「{}」阶段", moved.year, moved.status.label()))));
                    years.refetch();
                }
                Err(err) => notice.set(Some(Err(err.message))),
            }
        }
    });

    let parsed = move || year_input.with(|text| text.trim().parse::<i32>().ok().filter(|y| valid_year(*y)));
    let year_error =
        Signal::derive(move || (touched.get() && parsed().is_none()).then(|| "请输入 2000–2100 之间的年度".to_owned()));
    let on_advance = move |year: &FiscalYear| {
        let Some(next) = year.status.next() else {
            return;
        };
        let chosen = year.clone();
        confirm.ask(
            format!("将 {} 年度推进到「{}」", year.year, next.label()),
            format!(
                "{} 年度将由「{}」进入「{}」阶段。年度状态只能向前推进，不可撤销{}。",
                year.year,
                year.status.label(),
                next.label(),
                if next.is_read_only() { "；关闭后该年度的全部数据只读" } else { "" }
            ),
            "确定推进",
            move || {
                advance.dispatch(chosen.clone());
            },
        );
    };

    view! {
        <PageHead title="预算年度" />
        <Notice message=notice />
        <ConfirmDialog confirm />
        <form
            class="card inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                touched.set(true);
                if let Some(year) = parsed() {
                    create.dispatch(year);
                }
            }
        >
            <FormField label="新建预算年度" error=year_error error_id="error-year">
                <input
                    id="year-new"
                    type="number"
                    min="2000"
                    max="2100"
                    placeholder="例如 2027"
                    bind:value=year_input
                    on:input=move |_| touched.set(true)
                />
            </FormField>
            <div class="field">
                <span class="label">" "</span>
                <button id="year-create" type="submit" disabled=move || create.pending().get() || parsed().is_none()>
                    "新建"
                </button>
            </div>
        </form>
        <Card>
            <Loaded resource=years.list let:list>
                <DataTable id="years-table" empty="尚无预算年度，请先新建。"
                    columns=year_columns(on_advance, advance.pending()) row_key=Some(|y: &FiscalYear| y.id.clone()) rows=list />
            </Loaded>
        </Card>
    }
}

fn year_columns(
    on_advance: impl Fn(&FiscalYear) + Copy + Send + Sync + 'static,
    busy: Memo<bool>,
) -> Vec<Column<FiscalYear>> {
    vec![
        Column::new("年度", |y: &FiscalYear| format!("{} 年度", y.year)),
        Column::new("状态", |y: &FiscalYear| {
            view! { <span class=if y.status.is_read_only() { "tag muted" } else { "tag" }>{y.status.label()}</span> }
        }),
        Column::new("操作", move |y: &FiscalYear| match y.status.next() {
            Some(next) => {
                let year = StoredValue::new(y.clone());
                view! {
                    <button class="secondary" disabled=move || busy.get() on:click=move |_| year.with_value(on_advance)>
                        {format!("推进到「{}」", next.label())}
                    </button>
                }
                .into_any()
            }
            None => view! { <span class="tag muted">"已关闭，只读"</span> }.into_any(),
        })
        .class("actions"),
    ]
}
