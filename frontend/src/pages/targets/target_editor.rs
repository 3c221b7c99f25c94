use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::targets::{TargetRules, quantified_share, validate_target};

use super::indicator_row::IndicatorRow;
use super::library_picker::LibraryPicker;
use super::row_draft::{RowDraft, parse_weight, rule_draft};
use super::target_issues::TargetIssues;
use crate::api::indicators::LibraryIndicator;
use crate::api::targets::{self, Target};
use crate::components::{FormField, TableFrame};
use crate::format::{number, percent};

const HEADS: &[&str] =
    &["序号", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重", "指标方向", "评分标准", "说明", ""];

/// The unit's editor (单位自审): overall goal and indicator rows, checked live
/// with `shared::targets::validate_target`. 保存 always works while editable;
/// 自审通过并提交 saves, then submits, and needs every check to pass.
#[component]
pub fn TargetEditor(
    project_id: String,
    initial: Option<Target>,
    rules: TargetRules,
    /// Called once the target has been submitted (the page reloads read-only).
    on_submitted: Callback<()>,
) -> impl IntoView {
    let next_key = StoredValue::new(0u64);
    let new_key = move || {
        next_key.update_value(|k| *k += 1);
        next_key.get_value()
    };
    let (goal_text, saved) = match &initial {
        Some(t) => (t.summary.overall_goal.clone(), t.summary.indicators.clone()),
        None => (String::new(), Vec::new()),
    };
    // Rows added later (picked, new) belong to the editor, not to the event
    // or the picker row that created them: their signals live as long as it.
    let owner = Owner::current().unwrap_or_default();
    let pick_owner = owner.clone();
    let goal = RwSignal::new(goal_text);
    let rows = RwSignal::new(saved.iter().map(|ind| RowDraft::from_saved(new_key(), ind)).collect::<Vec<_>>());
    let picker_open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);

    let issues = Memo::new(move |_| {
        let draft = rows.with(|rows| rule_draft(&goal.get(), rows));
        validate_target(&draft, &rules)
    });
    let weight_total = Memo::new(move |_| {
        rows.with(|rows| rows.iter().filter_map(|r| parse_weight(&r.weight.get())).sum::<Decimal>())
    });
    let share = Memo::new(move |_| {
        let indicators = rows.with(|rows| rule_draft("", rows).indicators);
        quantified_share(&indicators)
    });

    let save = Action::new_local(move |submit: &bool| {
        let submit = *submit;
        let project_id = project_id.clone();
        let overall_goal = goal.get_untracked().trim().to_owned();
        let inputs = rows.get_untracked().into_iter().map(RowDraft::to_input).collect();
        async move {
            error.set(None);
            note.set(None);
            let saved = match targets::save(project_id.clone(), overall_goal, inputs).await {
                Ok(saved) => saved,
                Err(err) => return error.set(Some(err.message)),
            };
            if !submit {
                let pending = saved.issues.len();
                note.set(Some(if pending == 0 {
                    "已保存，全部检查通过，可以自审通过并提交。".to_owned()
                } else {
                    format!("已保存。尚有 {pending} 项检查未通过，提交前请修改。")
                }));
                return;
            }
            match targets::submit(project_id).await {
                Ok(_) => on_submitted.run(()),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });

    let on_remove = Callback::new(move |key: u64| rows.update(|r| r.retain(|row| row.key != key)));
    let on_pick = Callback::new(move |entry: LibraryIndicator| {
        let row = pick_owner.with(|| RowDraft::from_library(new_key(), &entry));
        rows.update(|r| r.push(row));
    });
    let row_view = move |row: RowDraft| {
        let index = Memo::new(move |_| rows.with(|r| r.iter().position(|x| x.key == row.key).unwrap_or(0)));
        let number = Signal::derive(move || index.get() + 1);
        let problems = Signal::derive(move || {
            let i = index.get();
            issues.with(|all| all.iter().filter(|p| p.indicator == Some(i)).map(|p| p.field).collect())
        });
        view! { <IndicatorRow row number problems on_remove /> }
    };
    let pending = move || save.pending().get();

    view! {
        <div class="card target-editor">
            <FormField label="总体目标" required=true full=true>
                <textarea id="target-goal" rows="4" placeholder="概述项目实施后预期达到的产出和效果" bind:value=goal></textarea>
            </FormField>
            <h3>"绩效指标"</h3>
            <TableFrame id="indicator-table" class="indicator-editor" heads=HEADS>
                <For each=move || rows.get() key=|row| row.key children=row_view />
            </TableFrame>
            <div class="toolbar">
                <button
                    type="button"
                    class="secondary"
                    id="add-from-library"
                    on:click=move |_| picker_open.update(|o| *o = !*o)
                >
                    "从指标库选取"
                </button>
                <button
                    type="button"
                    class="secondary"
                    id="add-characteristic"
                    on:click=move |_| {
                        let row = owner.with(|| RowDraft::characteristic(new_key()));
                        rows.update(|r| r.push(row));
                    }
                >
                    "新增特性指标"
                </button>
                <span
                    class="weight-total"
                    id="weight-total"
                    class:invalid=move || weight_total.get() != rules.weight_total
                >
                    {move || format!("权重合计 {} / {}", number(weight_total.get()), number(rules.weight_total))}
                </span>
                <span class="field-hint">{move || format!("定量指标占比 {}", percent(share.get()))}</span>
            </div>
            <Show when=move || picker_open.get()>
                <LibraryPicker on_pick on_close=Callback::new(move |()| picker_open.set(false)) />
            </Show>
            <TargetIssues issues=Signal::derive(move || issues.get()) />
            <p class="form-error" id="target-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            {move || note.get().map(|text| view! { <div class="notice ok" id="target-note">{text}</div> })}
            <div class="form-actions">
                <button type="button" class="secondary" id="target-save" disabled=pending on:click=move |_| {
                    save.dispatch(false);
                }>{move || if pending() { "处理中…" } else { "保存" }}</button>
                <button
                    type="button"
                    id="target-submit"
                    disabled=move || pending() || !issues.with(Vec::is_empty)
                    on:click=move |_| {
                        save.dispatch(true);
                    }
                >
                    "自审通过并提交"
                </button>
            </div>
        </div>
    }
}
