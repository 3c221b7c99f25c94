use chrono::NaiveDate;
use leptos::prelude::*;
use shared::monitoring::ExecutionRuleKind;

use crate::api::ApiError;
use crate::api::monitoring::{self, Round};
use crate::api::organisations;
use crate::api::years::FiscalYear;
use crate::components::{CheckList, EnumSelect, FormField, IdSelect, Loaded};

/// 发起监控任务 (绩效股): the checkpoint month, the due date, the light rule,
/// and all budget units or a selection.
#[component]
pub fn OpenRoundForm(year: FiscalYear, on_opened: Callback<Round>) -> impl IntoView {
    let month = RwSignal::new(None::<String>);
    let due = RwSignal::new(String::new());
    let rule = RwSignal::new(Some(ExecutionRuleKind::Ratio));
    let all_units = RwSignal::new(true);
    let chosen = RwSignal::new(Vec::<String>::new());
    let search = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let check = Memo::new(move |_| {
        let month = month
            .get()
            .and_then(|m| m.parse::<u32>().ok())
            .filter(|m| (1..=12).contains(m))
            .ok_or("请选择监控节点月份")?;
        let due = due.get();
        let due = NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d").map_err(|_| "截止日期格式应为 YYYY-MM-DD")?;
        let rule = rule.get().ok_or("请选择亮灯规则")?;
        let units = if all_units.get() {
            None
        } else {
            let ids = chosen.get();
            if ids.is_empty() {
                return Err("请选择至少一个单位");
            }
            Some(ids)
        };
        Ok((month, due.format("%Y-%m-%d").to_string(), rule, units))
    });
    let year_id = year.id.clone();
    let open = Action::new_local(move |input: &(u32, String, ExecutionRuleKind, Option<Vec<String>>)| {
        let (m, d, r, u) = input.clone();
        let year_id = year_id.clone();
        async move {
            match monitoring::open_round(year_id, m, d, r, u).await {
                Ok(round) => {
                    month.set(None);
                    due.set(String::new());
                    chosen.set(Vec::new());
                    all_units.set(true);
                    on_opened.run(round);
                }
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let months = (1..=12u32).map(|m| (m.to_string(), format!("{m} 月"))).collect();
    view! {
        <div class="open-round-form">
            <div class="form-grid">
                <FormField label="监控节点（数据截至该月末）">
                    <IdSelect id="round-month" value=month options=months placeholder="请选择" />
                </FormField>
                <FormField label="截止日期">
                    <input id="round-due" type="text" placeholder="YYYY-MM-DD" bind:value=due />
                </FormField>
                <FormField label="亮灯规则">
                    <EnumSelect id="round-rule" value=rule />
                </FormField>
                <div class="field">
                    <span class="label">"监控范围"</span>
                    <div class="checklist">
                        <label>
                            <input
                                type="radio"
                                name="round-scope"
                                id="round-scope-all"
                                prop:checked=move || all_units.get()
                                on:change=move |_| all_units.set(true)
                            />
                            "全部预算单位"
                        </label>
                        <label>
                            <input
                                type="radio"
                                name="round-scope"
                                id="round-scope-some"
                                prop:checked=move || !all_units.get()
                                on:change=move |_| all_units.set(false)
                            />
                            "选择单位"
                        </label>
                    </div>
                </div>
            </div>
            <Show when=move || !all_units.get()>
                <UnitPicker chosen search />
            </Show>
            <p class="field-hint">
                "序时进度比：执行率 ÷ 序时进度 × 100，低于 60 红灯、60–80 黄灯、80 及以上绿灯；固定进度线（四川）：1–4 月 25%、1–6 月 40%、1–8 月 60%、1–10 月 80%，低于进度线红灯，目标完成率与执行率相差超过 10 个百分点黄灯。"
            </p>
            <p class="form-error" id="round-error" role="alert">
                {move || error.get().or_else(|| (month.get().is_some() || !due.get().is_empty()).then(|| check.get().err().map(str::to_owned)).flatten()).unwrap_or_default()}
            </p>
            <button
                type="button"
                id="round-open"
                disabled=move || check.with(Result::is_err) || open.pending().get()
                on:click=move |_| {
                    if let Ok(input) = check.get_untracked() {
                        error.set(None);
                        open.dispatch(input);
                    }
                }
            >
                "发起监控任务"
            </button>
        </div>
    }
}

/// The budget units to pick from, searchable.
#[component]
fn UnitPicker(chosen: RwSignal<Vec<String>>, search: RwSignal<String>) -> impl IntoView {
    let units = LocalResource::new(|| async {
        let units = organisations::list_units().await?;
        Ok::<_, ApiError>(
            units.into_iter().map(|u| (u.id, format!("{}（{}）", u.name, u.kind.label()))).collect::<Vec<_>>(),
        )
    });
    view! {
        <div class="unit-picker">
            <div class="toolbar">
                <input id="round-unit-search" type="search" placeholder="按名称筛选单位" bind:value=search />
                <span class="meta">{move || format!("已选 {} 个单位", chosen.with(Vec::len))}</span>
            </div>
            <Loaded resource=units let:items>
                <CheckList items chosen class="round-unit" filter=search scroll=true />
            </Loaded>
        </div>
    }
}
