use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::money::{format_yuan, parse_yuan};
use shared::monitoring::DecisionKind;

use crate::api::monitoring::{self, Decision};
use crate::components::{EnumSelect, FieldError, FormField};
use crate::format::date_time;

/// A decision already taken (one per project and round).
pub fn decision_view(decision: &Decision) -> impl IntoView + use<> {
    let what = decision.kind.map_or("—", DecisionKind::label);
    let amount = decision.amount.map(|a| format!("，金额 {} 元", format_yuan(a))).unwrap_or_default();
    let note = if decision.note.is_empty() { String::new() } else { format!("。说明：{}", decision.note) };
    view! {
        <div class="notice info" id="decision-existing">
            {format!("处理决定：{what}{amount}{note}（{}）", date_time(&decision.decided_at))}
        </div>
    }
}

/// 处理决定 (绩效股): 继续执行, or 调减 / 收回 / 暂缓拨款 with an amount of
/// at most the approved budget; money decisions are written to the ledger.
#[component]
pub fn DecisionForm(round_id: String, project_id: String, budget: Decimal, on_done: Callback<()>) -> impl IntoView {
    let kind = RwSignal::new(None::<DecisionKind>);
    let amount = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let needs_amount = move || kind.get().is_some_and(DecisionKind::needs_amount);
    let check = Memo::new(move |_| {
        let Some(chosen) = kind.get() else { return Err("请选择处理决定".to_owned()) };
        if !chosen.needs_amount() {
            return Ok((chosen, None));
        }
        let text = amount.get();
        if text.trim().is_empty() {
            return Err("请填写金额".to_owned());
        }
        let value = parse_yuan(&text).map_err(|e| e.to_string())?;
        if value.is_zero() || value > budget {
            return Err(format!("金额须大于 0 且不超过项目批复金额 {} 元", format_yuan(budget)));
        }
        Ok((chosen, Some(value)))
    });
    let decide = Action::new_local(move |(chosen, value): &(DecisionKind, Option<Decimal>)| {
        let (round_id, project_id, chosen) = (round_id.clone(), project_id.clone(), *chosen);
        let value = value.map(|v| v.to_string());
        let note = note.get_untracked().trim().to_owned();
        async move {
            match monitoring::decide(round_id, project_id, chosen, value, note).await {
                Ok(_) => on_done.run(()),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let amount_error =
        Signal::derive(
            move || {
                if needs_amount() && !amount.with(|a| a.trim().is_empty()) { check.get().err() } else { None }
            },
        );
    view! {
        <div class="decision-form">
            <h3>"处理决定"</h3>
            <div class="inline-form">
                <FormField label="决定">
                    <EnumSelect id="decision-kind" value=kind any_label=Some("请选择") />
                </FormField>
                <FormField label=format!("金额（元，批复 {}）", format_yuan(budget)) hidden=Signal::derive(move || !needs_amount())>
                    <input id="decision-amount" type="text" inputmode="decimal" bind:value=amount />
                </FormField>
                <FormField label="说明" class="decision-note">
                    <input id="decision-note" type="text" bind:value=note placeholder="如：执行进度严重滞后" />
                </FormField>
            </div>
            <FieldError id="decision-amount-error" message=amount_error />
            <p class="form-error" id="decision-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <button
                type="button"
                id="decision-save"
                disabled=move || check.with(Result::is_err) || decide.pending().get()
                on:click=move |_| {
                    if let Ok(payload) = check.get_untracked() {
                        error.set(None);
                        decide.dispatch(payload);
                    }
                }
            >
                "保存决定"
            </button>
            <p class="field-hint">"调减、收回、暂缓拨款将记入结果应用台账；每个项目每轮只能作出一次决定。"</p>
        </div>
    }
}
