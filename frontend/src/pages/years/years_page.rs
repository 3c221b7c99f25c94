use leptos::prelude::*;
use shared::years::valid_year;

use crate::api::ApiError;
use crate::api::years::{self, FiscalYear};
use crate::components::{AsyncSection, EmptyState, FieldError};
use crate::contexts::use_years;

/// 预算年度 (admin): the years, a new year, and moving a year on
/// 编制 → 执行 → 决算 → 关闭 (one step at a time, after a confirmation).
#[component]
pub fn YearsPage() -> impl IntoView {
    let years = use_years();
    let year_input = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    let notice = RwSignal::new(None::<Result<String, String>>);

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
        let question = format!(
            "确定将 {} 年度由「{}」推进到「{}」吗？年度状态只能向前推进，不可撤销。",
            year.year,
            year.status.label(),
            next.label()
        );
        if window().confirm_with_message(&question).unwrap_or(false) {
            advance.dispatch(year.clone());
        }
    };

    view! {
        <div class="page-head">
            <h1>"预算年度"</h1>
        </div>
        {move || {
            notice
                .get()
                .map(|n| match n {
                    Ok(text) => view! { <div class="notice ok">{text}</div> }.into_any(),
                    Err(text) => view! { <div class="notice error" role="alert">{text}</div> }.into_any(),
                })
        }}
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
            <label class="field">
                <span class="label">"新建预算年度"</span>
                <input
                    id="year-new"
                    type="number"
                    min="2000"
                    max="2100"
                    placeholder="例如 2027"
                    bind:value=year_input
                    on:input=move |_| touched.set(true)
                />
                <FieldError id="error-year" message=year_error />
            </label>
            <div class="field">
                <span class="label">" "</span>
                <button id="year-create" type="submit" disabled=move || create.pending().get() || parsed().is_none()>
                    "新建"
                </button>
            </div>
        </form>
        <div class="card">
            <AsyncSection>
                {move || Suspend::new(async move {
                    let list = years.list.await?;
                    Ok::<_, ApiError>(years_table(list, on_advance, advance.pending()))
                })}
            </AsyncSection>
        </div>
    }
}

fn years_table(
    list: Vec<FiscalYear>,
    on_advance: impl Fn(&FiscalYear) + Copy + Send + Sync + 'static,
    busy: Memo<bool>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <EmptyState text="尚无预算年度，请先新建。" /> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|year| {
            let action = year.status.next().map(|next| {
                let year = StoredValue::new(year.clone());
                view! {
                    <button class="secondary" disabled=move || busy.get() on:click=move |_| year.with_value(on_advance)>
                        {format!("推进到「{}」", next.label())}
                    </button>
                }
                .into_any()
            });
            view! {
                <tr data-id=year.id.clone()>
                    <td>{format!("{} 年度", year.year)}</td>
                    <td>
                        <span class=if year.status.is_read_only() { "tag muted" } else { "tag" }>
                            {year.status.label()}
                        </span>
                    </td>
                    <td class="actions">{action.unwrap_or_else(|| view! { <span class="tag muted">"已关闭，只读"</span> }.into_any())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="years-table">
            <thead>
                <tr>
                    <th>"年度"</th>
                    <th>"状态"</th>
                    <th>"操作"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
